package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The changes a director reads name the table of the row and show listed values by their labels, as the grid does. */
class RuleChangesTest {

    private static final DroolsRuleSet CLASSIFICATION = new DroolsRuleSet("classification", "受理分类规则", "", Map.of(), null,
            Map.of("outcome.caseType(\"$param\");", Map.of("JOINT", "联办件", "COMMITTED", "承诺件"),
                    "outcome.disposition(\"$param\");", Map.of("SUPPLEMENT", "补充件", "RETURNED", "退回件")));

    @Test
    void aChangedCellNamesItsTableAndShowsLabelsNotCodes() {
        String shipped = new String(RuleEngine.bundledFiles("classification").get(0).content(), StandardCharsets.UTF_8);
        String edited = shipped.replace("多部门联办,办件类型,,,,2,,JOINT", "多部门联办,办件类型,,,,3,,COMMITTED")
                .replace("缺一般材料补充,处理方式,,,,,0,SUPPLEMENT", "缺一般材料补充,处理方式,,,,,0,RETURNED");

        List<String> changes = RuleChanges.between(CLASSIFICATION, files(shipped), files(edited)).stream()
                .map(RuleChanges.Change::text).toList();

        assertThat(changes).anySatisfy(text -> assertThat(text).startsWith("受理分类规则·办件类型表 第")
                        .endsWith("「多部门联办」办件类型: 联办件 → 承诺件"))
                .anySatisfy(text -> assertThat(text).startsWith("受理分类规则·办件类型表 第").endsWith("联办部门数不少于: 2 → 3"))
                .anySatisfy(text -> assertThat(text).startsWith("受理分类规则·处理方式表 第")
                        .endsWith("「缺一般材料补充」处理方式: 补充件 → 退回件"))
                .hasSize(3);
    }

    private static List<RuleFile> files(String csv) {
        return List.of(new RuleFile("classification.csv", csv.getBytes(StandardCharsets.UTF_8)));
    }
}
