package org.bianmin.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bianmin.discipline.DisciplineType;
import org.bianmin.rules.RuleCompiler;
import org.bianmin.rules.RuleEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled assessment table ({@code rules/assessment/deductions.csv}), compiled by real Drools:
 * the seeds' points for every discipline event type, the case-derived deductions, and the window
 * ranking (top 5 red flag, bottom 5 lose that month's award eligibility).
 */
class DeductionRulesTest {

    static RuleEngine engine;

    @BeforeAll
    static void compileRules() {
        engine = RuleEngine.withBundled(new RuleCompiler(), "accountability", "assessment");
    }

    record Points(Double points, String description, List<String> fired) {
    }

    static Points points(String source, String type, String measure) {
        ScoreLine line = new ScoreLine();
        RuleEngine.Evaluation evaluation = engine.evaluate(AssessmentRuleSet.NAME,
                Map.of("line", line, "ranking", new RankOutcome()), new AssessmentItem(source, type, measure));
        return new Points(line.points(), line.description(), evaluation.firedRules());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "OFF_POST_OVER_30MIN, -0.5, 离岗超过半小时",
            "LATE,                -1,   迟到",
            "EARLY_LEAVE,         -1,   早退",
            "UNRELATED_ACTIVITY,  -1,   从事无关事项",
            "ABSENT_HALF_DAY,     -5,   旷工半天以上",
            "MISSED_TRAINING,     -1,   缺席学习培训会议",
            "FALSIFIED_LEAVE,     -2,   请假弄虚作假",
            "UNCIVIL_CONDUCT,     -1,   言行不文明",
            "UNTIDY,              -1,   工作台不整洁",
            "MATERIALS_LOST,      -2,   资料遗失",
            "COMMENDATION,         2,   通报表彰"})
    void eachDisciplineTypeHasTheSeedsPoints(DisciplineType type, double expected, String rule) {
        Points p = points("DISCIPLINE", type.name(), null);
        assertThat(p.points()).isEqualTo(expected);
        assertThat(p.fired()).containsExactly(rule);
        assertThat(p.description()).isNotBlank();
    }

    @Test
    void everyDisciplineTypeHasARow() {
        assertThat(Arrays.stream(DisciplineType.values()).filter(t -> points("DISCIPLINE", t.name(), null).points() == null))
                .as("types without points").isEmpty();
    }

    @Test
    void twoLateArrivalsAndOneAbsenceOverThirtyMinutesGive97point5() {
        BigDecimal score = BigDecimal.valueOf(100); // the shipped base score (hall-duties assessment.base-score)
        for (String type : List.of("LATE", "LATE", "OFF_POST_OVER_30MIN")) {
            score = score.add(BigDecimal.valueOf(points("DISCIPLINE", type, null).points()));
        }
        assertThat(score).isEqualByComparingTo("97.5");
    }

    @Test
    void anUnexcusedOverdueCaseCostsOnePoint() {
        Points p = points("CASE", "CASE_OVERDUE", null);
        assertThat(p.points()).isEqualTo(-1.0);
        assertThat(p.fired()).containsExactly("超期办件");
    }

    @ParameterizedTest(name = "{1} {2}")
    @CsvSource({
            "CASE_OVERDUE,         书面检查,                    -1, 问责书面检查",
            "CASE_OVERDUE,         通报批评,                    -2, 问责通报批评",
            "CASE_OVERDUE,         诫勉谈话;取消当月评优资格,   -3, 问责诫勉谈话",
            "COMPLAINT_VERIFIED,   通报批评,                    -2, 问责通报批评",
            "FIRST_INQUIRY_BREACH, 书面检查,                    -1, 问责书面检查",
            "MATERIALS_LOST,       通报批评,                    -2, 问责通报批评"})
    void confirmedAccountabilityMeasuresCostTheirPoints(String trigger, String measure, double expected, String rule) {
        Points p = points("ACCOUNTABILITY", trigger, measure);
        assertThat(p.points()).isEqualTo(expected);
        assertThat(p.fired()).containsExactly(rule);
    }

    @Test
    void itemsOutsideTheTableCountNothing() {
        assertThat(points("CASE", "CASE_WARNING", null).points()).isNull();
        assertThat(points("ACCOUNTABILITY", "CASE_OVERDUE", "取消评优资格").points()).isNull();
        assertThat(points("DISCIPLINE", "CASE_OVERDUE", null).points()).as("a case deduction is not a discipline row").isNull();
        assertThat(points("CASE", "LATE", null).points()).isNull();
    }

    // ---------------------------------------------------------------- ranking

    record Rank(boolean redFlag, boolean losesAward) {
    }

    static Rank tiedRank(int rank, int windows, int tied) {
        RankOutcome outcome = new RankOutcome();
        engine.evaluate(AssessmentRuleSet.NAME, Map.of("ranking", outcome, "line", new ScoreLine()), new RankFact(rank, windows, tied));
        return new Rank(outcome.isRedFlag(), outcome.losesAwardEligibility());
    }

    static Rank rank(int rank, int windows) {
        RankOutcome outcome = new RankOutcome();
        engine.evaluate(AssessmentRuleSet.NAME, Map.of("ranking", outcome, "line", new ScoreLine()), new RankFact(rank, windows));
        return new Rank(outcome.isRedFlag(), outcome.losesAwardEligibility());
    }

    @Test
    void aSmallCentreOfSevenWindowsFlagsItsTopThirtyPercentAndItsBottomThirtyPercentNotFiveOfSeven() {
        for (int r = 1; r <= 2; r++) {
            assertThat(rank(r, 7)).as("rank %d of 7", r).isEqualTo(new Rank(true, false));
        }
        for (int r = 3; r <= 5; r++) {
            assertThat(rank(r, 7)).as("rank %d of 7", r).isEqualTo(new Rank(false, false));
        }
        for (int r = 6; r <= 7; r++) {
            assertThat(rank(r, 7)).as("rank %d of 7", r).isEqualTo(new Rank(false, true));
        }
        // the share in whole windows: one of four, none of three
        assertThat(rank(1, 4)).isEqualTo(new Rank(true, false));
        assertThat(rank(4, 4)).isEqualTo(new Rank(false, true));
        assertThat(rank(1, 3)).as("30 %% of three windows is none").isEqualTo(new Rank(false, false));
        // ties: two tied for first of seven are both red flags; six tied for first are none (no distinction)
        assertThat(tiedRank(1, 7, 2)).isEqualTo(new Rank(true, false));
        assertThat(tiedRank(1, 7, 6)).isEqualTo(new Rank(false, false));
        assertThat(tiedRank(1, 7, 7)).as("all equal: no flag, no loss").isEqualTo(new Rank(false, false));
    }

    @Test
    void twelveWindowsTopFiveRedFlagsBottomFiveLoseEligibilityMiddleNeither() {
        for (int r = 1; r <= 5; r++) {
            assertThat(rank(r, 12)).as("rank %d of 12", r).isEqualTo(new Rank(true, false));
        }
        for (int r = 6; r <= 7; r++) {
            assertThat(rank(r, 12)).as("rank %d of 12", r).isEqualTo(new Rank(false, false));
        }
        for (int r = 8; r <= 12; r++) {
            assertThat(rank(r, 12)).as("rank %d of 12", r).isEqualTo(new Rank(false, true));
        }
    }
}
