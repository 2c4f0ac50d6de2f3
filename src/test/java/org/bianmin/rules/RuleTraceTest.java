package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rows of the shipped decision tables, as the case file names them: table, line of the file, rule, 依据. */
class RuleTraceTest {

    @Test
    void everyNamedRowOfTheClassificationTableIsFoundWithItsLineAndBasis() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("rules/classification/classification.csv"));
        List<RuleTrace.Row> rows = RuleTrace.rowsOf("classification", "受理分类", "classification@v1",
                String.join("\n", lines) + "\n");
        RuleTrace.Row accepted = rows.stream().filter(r -> r.rule().equals("材料齐全受理")).findFirst().orElseThrow();
        assertThat(lines.get(accepted.row() - 1)).as("the row is the file's line").startsWith("材料齐全受理,");
        assertThat(accepted.table()).isEqualTo("Disposition");
        assertThat(accepted.basis()).isNotBlank();
        assertThat(rows).extracting(RuleTrace.Row::rule).doesNotContain("规则名称", "NAME").contains("咨询件", "需审核承诺办结");
    }

    @Test
    void theTimeLimitRowsCarryTheirBasis() throws Exception {
        String csv = Files.readString(Path.of("rules/time-limits/time-limits.csv"));
        assertThat(RuleTrace.rowsOf("time-limits", "办结时限", "time-limits@v1", csv)).filteredOn(r -> r.rule().equals("即办件"))
                .singleElement().satisfies(r -> assertThat(r.basis()).contains("30分钟"));
    }
}
