package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bianmin.catalogue.CaseType;
import org.junit.jupiter.api.Test;

/**
 * Validation of rule tables by real Drools: the bundled tables compile, and a broken cell or a
 * broken layout is refused with a {@link RuleProblem} naming the file, the CSV line (row) and the
 * column (both 1-based) at fault.
 */
class RuleCompilerTest {

    static final String CLASSIFICATION = "classification.csv";

    private final RuleCompiler compiler = new RuleCompiler();

    static String bundled(String ruleSet, String file) {
        return RuleEngine.bundledFiles(ruleSet).stream().filter(f -> f.name().equals(file)).findFirst()
                .map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElseThrow();
    }

    static List<RuleFile> classification(String text) {
        return List.of(new RuleFile(CLASSIFICATION, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The 1-based CSV line that starts with the given rule name. */
    static int line(String text, String startsWith) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(startsWith)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starting with " + startsWith);
    }

    static String replaceOnce(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    static List<RuleProblem> problems(Runnable compile) {
        try {
            compile.run();
        } catch (RuleCompilationException e) {
            assertThat(e.problems()).isNotEmpty();
            return e.problems();
        }
        throw new AssertionError("expected the rule set to be refused");
    }

    @Test
    void bundledTablesCompileToTheirRules() {
        CompiledRuleSet classification = compiler.compile("classification", "t", RuleEngine.bundledFiles("classification"));
        // Disposition: 6 rows, CaseType: 6 rows
        assertThat(classification.ruleCount()).isEqualTo(12);
        assertThat(classification.version()).isEqualTo("t");
        assertThat(classification.name()).isEqualTo("classification");
        CompiledRuleSet timeLimits = compiler.compile("time-limits", "t", RuleEngine.bundledFiles("time-limits"));
        assertThat(timeLimits.ruleCount()).isEqualTo(6);
    }

    @Test
    void aTextInANumericConditionCellIsRefusedAtItsRowAndColumn() {
        String text = bundled("classification", CLASSIFICATION);
        int row = line(text, "缺主件退回,");
        // column F (6): 缺少主件数大于, code "missingMainCount > $param"
        String broken = replaceOnce(text, "缺主件退回,处理方式,,,,0,", "缺主件退回,处理方式,,,,abc,");

        List<RuleProblem> problems = problems(() -> compiler.compile("classification", "broken", classification(broken)));

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(CLASSIFICATION);
            assertThat(p.row()).isEqualTo(row).isEqualTo(15);
            assertThat(p.column()).isEqualTo(6);
            assertThat(p.message()).contains("abc");
            assertThat(p.toString()).contains("第15行", "第6列");
        });
    }

    @Test
    void aTextInTheCaseTypeTableIsRefusedAtItsRowAndColumnToo() {
        String text = bundled("classification", CLASSIFICATION);
        int row = line(text, "多部门联办,");
        String broken = replaceOnce(text, "多部门联办,办件类型,,,,2,", "多部门联办,办件类型,,,,zwei,");

        List<RuleProblem> problems = problems(() -> compiler.compile("classification", "broken", classification(broken)));

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(CLASSIFICATION);
            assertThat(p.row()).isEqualTo(row);
            assertThat(p.column()).isEqualTo(6);
        });
    }

    @Test
    void anUnknownCaseTypeInAnActionIsRefusedAtItsCell() {
        String text = bundled("classification", CLASSIFICATION);
        int row = line(text, "需审核承诺办结,");
        String broken = replaceOnce(text, "需审核承诺办结,办件类型,,,,,,COMMITTED", "需审核承诺办结,办件类型,,,,,,COMMITED");
        Set<String> caseTypes = Arrays.stream(CaseType.values()).map(Enum::name).collect(Collectors.toSet());
        Map<String, Set<String>> allowed = Map.of("outcome.caseType(\"$param\");", caseTypes);

        // Drools itself compiles any string ...
        assertThat(compiler.compile("classification", "typo", classification(broken)).ruleCount()).isEqualTo(12);
        // ... the value check refuses it at row and column (H = 8)
        assertThat(RuleCompiler.checkValues(classification(broken), allowed)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(CLASSIFICATION);
            assertThat(p.row()).isEqualTo(row);
            assertThat(p.column()).isEqualTo(8);
            assertThat(p.message()).contains("COMMITED", "COMMITTED");
        });
        assertThat(RuleCompiler.checkValues(classification(text), allowed)).isEmpty();

        // and so does a Drools rule set that knows its allowed values
        RuleEngine engine = new RuleEngine(compiler);
        Map<String, Map<String, String>> options = new java.util.LinkedHashMap<>();
        allowed.forEach((snippet, values) -> {
            Map<String, String> labels = new java.util.LinkedHashMap<>();
            values.forEach(v -> labels.put(v, v));
            options.put(snippet, labels);
        });
        DroolsRuleSet set = new DroolsRuleSet("classification", "受理分类规则", "", Map.of(), engine, options);
        List<RuleProblem> problems = problems(() -> set.compile("typo", classification(broken)));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(row);
            assertThat(p.column()).isEqualTo(8);
        });
        assertThat(set.compile("ok", classification(text))).isInstanceOf(CompiledRuleSet.class);
        // compiling never installs
        assertThat(engine.installedVersion("classification")).isNull();
    }

    @Test
    void aBadKeywordCellIsNamed() {
        String text = bundled("classification", CLASSIFICATION);
        int header = line(text, "NAME,ACTIVATION-GROUP,CONDITION");
        // column E of the Disposition table's header row holds no keyword Drools knows
        String broken = replaceOnce(text, "NAME,ACTIVATION-GROUP,CONDITION,CONDITION,CONDITION,",
                "NAME,ACTIVATION-GROUP,CONDITION,CONDITION,XYZ,");

        List<RuleProblem> problems = problems(() -> compiler.compile("classification", "broken", classification(broken)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(CLASSIFICATION);
            assertThat(p.row()).isEqualTo(header).isEqualTo(8);
            assertThat(p.column()).isEqualTo(5);
            assertThat(p.message()).contains("E8");
        });
    }

    @Test
    void aDrlSyntaxErrorIsRefusedWithItsLine() {
        String drl = """
                package org.bianmin.rules.test

                rule "broken"
                when
                    String( length > )
                then
                end
                """;
        List<RuleProblem> problems = problems(() -> compiler.compile("scratch", "broken",
                List.of(new RuleFile("broken.drl", drl.getBytes(StandardCharsets.UTF_8)))));
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("broken.drl"));
        // "Line 5:21" (0-based column of the ')'): row 5, column 22
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.row()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(22);
        });
    }

    @Test
    void anEmptyFileSetIsRefused() {
        assertThat(problems(() -> compiler.compile("classification", "empty", List.of())))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("no rule files"));
    }

    @Test
    void filesWithoutRulesAreRefused() {
        String text = bundled("classification", CLASSIFICATION);
        String headerOnly = text.substring(0, text.indexOf("RuleTable"));
        assertThat(problems(() -> compiler.compile("classification", "none", classification(headerOnly))))
                .singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(CLASSIFICATION);
                    assertThat(p.message()).containsIgnoringCase("RuleTable");
                });
    }

    @Test
    void locatePointsAtSpreadsheetCellsAndRuleNames() {
        String text = bundled("classification", CLASSIFICATION);
        List<RuleFile> files = classification(text);
        RuleProblem cell = RuleCompiler.locate(CLASSIFICATION, files, "Invalid column header, in cell K16");
        assertThat(cell.row()).isEqualTo(16);
        assertThat(cell.column()).isEqualTo(11);
        assertThat(RuleCompiler.columnNumber("A")).isEqualTo(1);
        assertThat(RuleCompiler.columnNumber("AA")).isEqualTo(27);

        RuleProblem named = RuleCompiler.locate(CLASSIFICATION, files, "Error in rule '当场办结': something");
        assertThat(named.file()).isEqualTo(CLASSIFICATION);
        assertThat(named.row()).isEqualTo(line(text, "当场办结,"));

        RuleProblem nowhere = RuleCompiler.locate(null, files, "something unrelated");
        assertThat(nowhere.row()).isNull();
        assertThat(nowhere.column()).isNull();
        assertThat(nowhere.message()).isEqualTo("规则无法编译 / something unrelated");
    }
}
