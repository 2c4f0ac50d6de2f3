package org.bianmin.hallduties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hall-duties table holds durations, the assessment's base score and the monthly due days, each with its unit. */
class LimitTableTest {

    @Test
    void theShippedTableGivesTheBaseScoreAndTheDaysOfTheNextMonth() {
        Map<String, LimitTable.Limit> limits = LimitTable.parse(HallDutyLimits.bundled());
        assertThat(limits.get(HallDutyLimits.ASSESSMENT_BASE_SCORE).value()).isEqualTo(100);
        assertThat(limits.get(HallDutyLimits.ASSESSMENT_BASE_SCORE).unit()).isEqualTo(LimitTable.Unit.POINTS);
        HallDutyLimits hallDuties = new HallDutyLimits(null);
        assertThat(hallDuties.points(HallDutyLimits.ASSESSMENT_BASE_SCORE)).isEqualTo(100);
        assertThat(hallDuties.dayOfNextMonth(HallDutyLimits.ASSESSMENT_PUBLISH_BY, YearMonth.of(2026, 11)))
                .isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(hallDuties.dayOfNextMonth(HallDutyLimits.DENIAL_REPORT_BY, YearMonth.of(2026, 12)))
                .isEqualTo(LocalDate.of(2027, 1, 10));
        // a score is no duration
        assertThatThrownBy(() -> hallDuties.after(HallDutyLimits.ASSESSMENT_BASE_SCORE, Instant.now()))
                .hasMessageContaining("not a duration");
    }

    @Test
    void aValueInTheWrongUnitOrADayNotEveryMonthHasIsRefusedAtItsCell() {
        String shipped = HallDutyLimits.bundled();
        String wrongUnit = shipped.replace("assessment.base-score,100,POINTS,", "assessment.base-score,100,WORKING_DAYS,");
        assertThatThrownBy(() -> LimitTable.parse(wrongUnit)).isInstanceOfSatisfying(LimitTable.LimitFormatException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.column()).isEqualTo(3);
                    assertThat(p.message()).contains("assessment.base-score 的单位必须是 POINTS");
                }));
        String day31 = shipped.replace("assessment.publish-by,5,", "assessment.publish-by,31,");
        assertThatThrownBy(() -> LimitTable.parse(day31)).isInstanceOfSatisfying(LimitTable.LimitFormatException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.column()).isEqualTo(2);
                    assertThat(p.message()).contains("次月日期必须在1到28之间");
                }));
        String durationAsPoints = shipped.replace("complaint.reply,5,WORKING_DAYS,", "complaint.reply,5,POINTS,");
        assertThatThrownBy(() -> LimitTable.parse(durationAsPoints)).isInstanceOfSatisfying(LimitTable.LimitFormatException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("complaint.reply 是时限")));
    }

    @Test
    void aTableOfTheFirstReleaseGainsTheKeysAddedSinceWithTheShippedRowsAndNothingElseChanges() {
        String shipped = HallDutyLimits.bundled();
        String firstRelease = shipped.lines().limit(6).collect(java.util.stream.Collectors.joining("\n")) // no line end at the end
                .replace("complaint.reply,5,", "complaint.reply,4,");
        assertThatThrownBy(() -> LimitTable.parse(firstRelease)).hasMessageContaining("缺少「补正期限」一行");

        var file = new org.bianmin.rules.RuleFile(HallDutyLimits.FILE, firstRelease.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String upgraded = new String(HallDutyRuleSet.withAddedKeys(file).content(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(upgraded).startsWith(firstRelease + "\n").isEqualTo(shipped.replace("complaint.reply,5,", "complaint.reply,4,"));
        Map<String, LimitTable.Limit> limits = LimitTable.parse(upgraded);
        assertThat(limits).containsOnlyKeys(HallDutyLimits.KEY_LABELS.keySet());
        assertThat(limits.get(HallDutyLimits.COMPLAINT_REPLY).value()).as("kept as published").isEqualTo(4);
        var again = new org.bianmin.rules.RuleFile(HallDutyLimits.FILE, upgraded.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(HallDutyRuleSet.withAddedKeys(again)).as("nothing more to add").isSameAs(again);
    }
}
