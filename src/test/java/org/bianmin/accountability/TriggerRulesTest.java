package org.bianmin.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bianmin.rules.RuleCompiler;
import org.bianmin.rules.RuleEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled accountability trigger table ({@code rules/accountability/triggers.csv}), compiled by
 * real Drools: every trigger row, the repeat escalation of overdue cases and the excused case.
 */
class TriggerRulesTest {

    static RuleEngine engine;

    @BeforeAll
    static void compileRules() {
        engine = RuleEngine.withBundled(new RuleCompiler(), "accountability", "assessment");
    }

    record Outcome(String measure, double fine, RuleEngine.Evaluation evaluation) {
    }

    static Outcome propose(String type, int occurrence, boolean excused) {
        MeasureProposal proposal = new MeasureProposal();
        RuleEngine.Evaluation evaluation = engine.evaluate(AccountabilityRuleSet.NAME, Map.of("proposal", proposal),
                new TriggerFact(type, occurrence, excused));
        return new Outcome(proposal.measure(), proposal.fine(), evaluation);
    }

    @Test
    void firstOverdueCaseOfTheMonthGivesAWrittenSelfCriticism() {
        Outcome first = propose("CASE_OVERDUE", 1, false);
        assertThat(first.measure()).isEqualTo("书面检查");
        assertThat(first.fine()).isZero();
        assertThat(first.evaluation().firedRules()).containsExactly("超期");
        assertThat(first.evaluation().version()).isNotBlank();
    }

    @Test
    void secondOverdueCaseOfTheMonthGivesANoticeOfCriticism() {
        Outcome second = propose("CASE_OVERDUE", 2, false);
        assertThat(second.measure()).isEqualTo("通报批评");
        assertThat(second.evaluation().firedRules()).containsExactly("超期第二次");
    }

    @ParameterizedTest
    @CsvSource({"3", "4", "10"})
    void thirdAndLaterOverdueCasesGiveAnAdmonishmentAndLossOfAwardEligibility(int occurrence) {
        Outcome repeat = propose("CASE_OVERDUE", occurrence, false);
        assertThat(repeat.measure()).isEqualTo("诫勉谈话;取消当月评优资格");
        assertThat(repeat.evaluation().firedRules()).containsExactly("超期第三次");
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3"})
    void anExcusedOverdueCaseProposesNothing(int occurrence) {
        Outcome excused = propose("CASE_OVERDUE", occurrence, true);
        assertThat(excused.measure()).as("an approved extension or delay notice: no record").isNull();
        assertThat(excused.fine()).isZero();
        // the row that decides it is the excusing one (first matching row wins), nothing after it
        assertThat(excused.evaluation().firedRules()).containsExactly("超期已获批准");
    }

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource({
            "DENIAL_FILING_OVERDUE,    书面检查, 否定报备逾期",
            "SUPPLEMENT_NOT_NOTIFIED,  通报批评, 一次性告知违规",
            "MATERIALS_LOST,           通报批评, 资料遗失",
            "POST_VACANT,              书面检查, 岗位空缺",
            "COMPLAINT_VERIFIED,       通报批评, 投诉属实",
            "BAD_EVALUATION_CONFIRMED, 书面检查, 差评属实"})
    void eachTriggerProposesItsMeasure(String type, String measure, String rule) {
        Outcome outcome = propose(type, 1, false);
        assertThat(outcome.measure()).isEqualTo(measure);
        assertThat(outcome.fine()).isZero();
        assertThat(outcome.evaluation().firedRules()).containsExactly(rule);
        // these triggers do not escalate with repetition
        assertThat(propose(type, 3, false).measure()).isEqualTo(measure);
    }

    @Test
    void aFirstInquiryBreachIsFinedOneHundredYuan() {
        Outcome outcome = propose("FIRST_INQUIRY_BREACH", 1, false);
        assertThat(outcome.measure()).isEqualTo("书面检查");
        assertThat(outcome.fine()).isEqualTo(100.0);
        assertThat(outcome.evaluation().firedRules()).containsExactly("首问负责违规");
    }

    @ParameterizedTest
    @CsvSource({"LATE", "COMMENDATION", "CASE_WARNING", "CASE_REGISTERED", "HANDOVER_OVERDUE", "NO_SUCH_EVENT"})
    void unrelatedEventsProposeNoMeasure(String type) {
        Outcome outcome = propose(type, 1, false);
        assertThat(outcome.measure()).isNull();
        assertThat(outcome.fine()).isZero();
        assertThat(outcome.evaluation().firedRules()).isEmpty();
    }
    @Test
    void anOverdueOfACaseRegisteredAfterItsLimitIsNotPutOnTheClerk() {
        MeasureProposal proposal = new MeasureProposal();
        engine.evaluate(AccountabilityRuleSet.NAME, Map.of("proposal", proposal), new TriggerFact("CASE_OVERDUE", 1, false, true));
        assertThat(proposal.measure()).as("登记时已超期: 无").isNull();
        assertThat(propose("CASE_OVERDUE", 1, false).measure()).isEqualTo("书面检查");
    }
}
