package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The complete dry run: a draft is evaluated for every catalogue item in every situation, through
 * to what the case-type processes read, before it may be submitted. The blank 办件类型 cell that
 * once stopped intake is refused at its row; the shipped rules pass.
 */
class RuleCoveragePostgresTest extends RuleTestSupport {

    private static final String IMMEDIATE_ROW = "即办件,时限,IMMEDIATE,,,30,";
    private static final String BLANK_CASE_TYPE = "即办件,时限,,,,30,";

    @Test
    void aBlankCaseTypeCellIsRefusedAtItsRowBeforeItCanStopIntake() {
        String installedBefore = installed("time-limits");
        Map<String, String> blank = edited("time-limits", "time-limits.csv", IMMEDIATE_ROW, BLANK_CASE_TYPE);
        int row = lineOf(blank.get("time-limits.csv"), BLANK_CASE_TYPE);

        JsonNode validation = ok(send("POST", "/api/rules/time-limits/validate", Map.of("files", fileList(blank)), RULEADMIN));
        assertThat(validation.path("valid").asBoolean()).as(validation.toString()).isFalse();
        assertThat(validation.path("problems")).anySatisfy(p -> {
            assertThat(p.path("file").asText()).isEqualTo("time-limits.csv");
            assertThat(p.path("row").asInt()).isEqualTo(row);
            assertThat(p.path("severity").asText()).isEqualTo("ERROR");
            assertThat(p.path("message").asText()).contains("承诺件流程需要窗口移交时限", "第" + row + "行「即办件」", "办件类型");
        });

        saveDraft("time-limits", blank, RULEADMIN);
        HttpResponse<String> refused = send("POST", "/api/rules/time-limits/publish", Map.of("comment", "清空一格"), RULEADMIN);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode error = read(refused);
        assertThat(error.path("error").asText()).isEqualTo("DRY_RUN_FAILED");
        assertThat(error.path("message").asText()).contains("完整试运行", "第" + row + "行");
        assertThat(error.path("problems")).allSatisfy(p -> assertThat(p.path("severity").asText()).isEqualTo("ERROR"));
        assertThat(installed("time-limits")).isEqualTo(installedBefore);
        // intake goes on: a committed case registers with the rules in force
        assertThat(registerSj002().path("caseType").asText()).isEqualTo("COMMITTED");
    }

    @Test
    void eachBrokenEditIsShownAtItsRowAndColumnInChinese() {
        int committed = lineOf(publishedFiles("time-limits").get("time-limits.csv"), "承诺件,");
        // a word where a number belongs, a negative limit, a misspelt column keyword
        assertRefusedAt(edited("time-limits", "time-limits.csv", "上报件,时限,FORWARDED,,,,X,80,", "上报件,时限,FORWARDED,,八十,,X,80,"),
                committed + 1, 5, "「八十」不是此列可用的值");
        assertRefusedAt(edited("time-limits", "time-limits.csv", ",80,,1,225,10,,1,false,事项对外承诺时限;《中华人民共和国行政许可法》第四十二条(20日内",
                ",80,,1,225,-5,,1,false,事项对外承诺时限;《中华人民共和国行政许可法》第四十二条(20日内"), committed, 12, "必须是0到366之间的数字");
        assertRefusedAt(edited("time-limits", "time-limits.csv", "NAME,ACTIVATION-GROUP,CONDITION,", "NAME,ACTIVATION-GROUP,CONDITON,"),
                lineOf(publishedFiles("time-limits").get("time-limits.csv"), "NAME,"), 3, "关键字「CONDITON」拼写有误");
    }

    private void assertRefusedAt(Map<String, String> files, int row, int column, String message) {
        JsonNode validation = ok(send("POST", "/api/rules/time-limits/validate", Map.of("files", fileList(files)), RULEADMIN));
        assertThat(validation.path("valid").asBoolean()).as(validation.toString()).isFalse();
        assertThat(validation.path("problems")).as(validation.toString()).anySatisfy(p -> {
            assertThat(p.path("file").asText()).isEqualTo("time-limits.csv");
            assertThat(p.path("row").asInt()).isEqualTo(row);
            assertThat(p.path("column").asInt()).isEqualTo(column);
            assertThat(p.path("message").asText()).contains(message);
        });
    }

    @Test
    void theShippedRulesPassTheCompleteDryRun() {
        for (String set : List.of("classification", "time-limits", "catalogue", "calendar")) {
            JsonNode validation = ok(send("POST", "/api/rules/" + set + "/validate", Map.of("files", fileList(publishedFiles(set))),
                    RULEADMIN));
            assertThat(validation.path("valid").asBoolean()).as("%s: %s", set, validation).isTrue();
            assertThat(validation.path("problems")).as(set).allSatisfy(p -> assertThat(p.path("severity").asText()).isEqualTo("WARNING"));
        }
    }

    /** The 1-based line of the file that starts with {@code start}. */
    private static int lineOf(String text, String start) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + start);
    }
}
