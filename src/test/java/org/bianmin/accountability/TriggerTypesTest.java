package org.bianmin.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bianmin.rules.RuleCompiler;
import org.bianmin.rules.RuleEngine;
import org.bianmin.rules.RuleFile;
import org.junit.jupiter.api.Test;

/**
 * Which event types a trigger table can turn into a record: the bundled table names its types, so
 * a registration is not counted or locked; a row with 事件类型 left empty applies to every event,
 * and so does a version whose rules the table's columns do not describe.
 */
class TriggerTypesTest {

    static final List<RuleFile> BUNDLED = RuleEngine.bundledFiles(AccountabilityRuleSet.NAME);

    @Test
    void theBundledTableNamesTheEventsItJudges() {
        AccountabilityRuleSet rules = installed(BUNDLED);
        assertThat(rules.mayTrigger("CASE_OVERDUE")).isTrue();
        assertThat(rules.mayTrigger("POST_VACANT")).isTrue();
        assertThat(rules.mayTrigger("CASE_REGISTERED")).isFalse();
        assertThat(rules.mayTrigger("CASE_COMPLETED")).isFalse();
    }

    @Test
    void aRowWithoutAnEventTypeAppliesToEveryEvent() {
        String table = new String(BUNDLED.get(0).content(), StandardCharsets.UTF_8)
                .replace("资料遗失,问责,MATERIALS_LOST,", "资料遗失,问责,,");
        AccountabilityRuleSet rules = installed(List.of(new RuleFile(BUNDLED.get(0).name(), table.getBytes(StandardCharsets.UTF_8))));
        assertThat(rules.mayTrigger("CASE_REGISTERED")).isTrue();
    }

    @Test
    void aDrlVersionIsNotJudgedByTheTablesColumns() {
        assertThat(AccountabilityRuleSet.typesNamed(List.of(new RuleFile("extra.drl",
                "package org.bianmin.rules.accountability;".getBytes(StandardCharsets.UTF_8))))).isEmpty();
    }

    private static AccountabilityRuleSet installed(List<RuleFile> files) {
        AccountabilityRuleSet rules = new AccountabilityRuleSet(new RuleEngine(new RuleCompiler()));
        rules.install("v-test", rules.compile("v-test", files));
        return rules;
    }
}
