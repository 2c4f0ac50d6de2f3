package org.bianmin.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.DecisionTableConfiguration;
import org.kie.internal.builder.DecisionTableInputType;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.api.runtime.KieContainer;
import org.springframework.stereotype.Component;

/**
 * Compiles a rule set's files into a fresh {@link KieBase}. The module is removed from the KIE
 * repository right after, so repeated compilations (validation, publishing) do not pile up.
 */
@Component
public class RuleCompiler {

    private static final AtomicLong BUILDS = new AtomicLong();
    /** The decision-table parser names spreadsheet cells, e.g. "cell K16". */
    private static final Pattern CELL = Pattern.compile("cell ([A-Z]{1,3})(\\d+)");
    /** Rule compilation errors name the rule: the table's NAME column, or {@code <Table>_<row>} without one. */
    private static final Pattern RULE_NAME = Pattern.compile("[Rr]ule(?: name=| )['\"]?([^'\"\\]]+)['\"]?");
    private static final Pattern TABLE_ROW = Pattern.compile("_(\\d+)$");
    /** DRL positions: "[5,21]" or, in parser errors, "Line 5:21" (0-based column). */
    private static final Pattern LINE_COLUMN = Pattern.compile("\\[(\\d+),(\\d+)\\]|Line (\\d+):(\\d+)");

    public CompiledRuleSet compile(String ruleSet, String version, List<RuleFile> files) {
        if (files.isEmpty()) {
            throw new RuleCompilationException(ruleSet, List.of(new RuleProblem(null, null, null, "规则集没有文件 / no rule files")));
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("org.bianmin.rules", ruleSet.replaceAll("[^A-Za-z0-9]", "-"),
                "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (RuleFile file : files) {
            Resource resource = ks.getResources().newByteArrayResource(file.content());
            // write(path, resource) silently drops decision tables: give the source path to the resource itself
            resource.setSourcePath("src/main/resources/rules/" + ruleSet + "/" + file.name());
            if (file.isDecisionTable()) {
                DecisionTableConfiguration configuration = KnowledgeBuilderFactory.newDecisionTableConfiguration();
                configuration.setInputType(file.name().toLowerCase().endsWith(".csv")
                        ? DecisionTableInputType.CSV : DecisionTableInputType.XLSX);
                resource.setResourceType(ResourceType.DTABLE);
                resource.setConfiguration(configuration);
            }
            kfs.write(resource);
        }
        ClassLoader classLoader = RuleCompiler.class.getClassLoader();
        List<RuleProblem> problems = new ArrayList<>();
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs, classLoader).buildAll();
        } catch (RuntimeException e) {
            // the decision-table parser reports layout errors (unknown keyword, bad cell) by throwing
            String file = files.size() == 1 ? files.get(0).name() : null;
            throw new RuleCompilationException(ruleSet, List.of(locate(file, files, rootMessage(e))));
        }
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = message.getPath();
            String file = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
            problems.add(locate(file, files, message.getText()));
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(ruleSet, problems);
        }
        try {
            KieContainer container = ks.newKieContainer(releaseId, classLoader);
            KieBase kieBase = container.getKieBase();
            int rules = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
            if (rules == 0) {
                throw new RuleCompilationException(ruleSet, List.of(new RuleProblem(null, null, null,
                        "编译结果没有任何规则 / the files compiled to no rules")));
            }
            return new CompiledRuleSet(ruleSet, version, kieBase, rules);
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    /** Points a Drools message at the file, row and column of the table (1-based) where it can. */
    static RuleProblem locate(String file, List<RuleFile> files, String text) {
        RuleProblem found = locateEnglish(file, files, text.strip());
        return new RuleProblem(found.file(), found.row(), found.column(), inChinese(found.message()), found.severity());
    }

    private static final Pattern UNRESOLVED = Pattern.compile("(\\S+) cannot be resolved(?: to a variable)?");

    /** What a Drools message means for the person who edits the table, with the message itself after it. */
    static String inChinese(String message) {
        Matcher unresolved = UNRESOLVED.matcher(message);
        String meaning;
        if (unresolved.find()) {
            meaning = "「" + unresolved.group(1) + "」不是此列可用的值(数字列须填数字, 文字须为选项之一)";
        } else if (message.contains("Unable to resolve ObjectType")) {
            meaning = "规则表的技术行(事实类型)被改动或缺失, 请恢复原表的隐藏行";
        } else if (message.contains("No RuleTable cells")) {
            meaning = "找不到规则表: 「RuleTable」行缺失或被改动";
        } else if (message.contains("Invalid row header") || message.contains("Unknown keyword") || message.contains("unknown keyword")) {
            meaning = "规则表表头的关键字拼写有误(如 CONDITION、ACTION), 请恢复原表的隐藏行";
        } else if (message.contains("mismatched input") || message.contains("no viable alternative") || message.contains("extraneous input")) {
            meaning = "单元格内容使规则无法解析(多余的引号、括号或符号?)";
        } else {
            meaning = "规则无法编译";
        }
        return meaning + " / " + message;
    }

    private static RuleProblem locateEnglish(String file, List<RuleFile> files, String message) {
        Matcher cell = CELL.matcher(message);
        if (cell.find()) {
            return new RuleProblem(file, Integer.parseInt(cell.group(2)), columnNumber(cell.group(1)), message);
        }
        if (file != null && file.toLowerCase().endsWith(".drl")) {
            Matcher lc = LINE_COLUMN.matcher(message);
            if (!lc.find()) {
                return new RuleProblem(file, null, null, message);
            }
            int g = lc.group(1) != null ? 1 : 3;
            return new RuleProblem(file, Integer.parseInt(lc.group(g)), Integer.parseInt(lc.group(g + 1)) + 1, message);
        }
        Matcher rule = RULE_NAME.matcher(message);
        if (rule.find()) {
            String ruleName = rule.group(1).strip();
            for (RuleFile candidate : files) {
                if (file != null && !candidate.name().equals(file)) {
                    continue;
                }
                List<String[]> rows = rows(candidate);
                for (int i = 0; i < rows.size(); i++) {
                    String[] cells = rows.get(i);
                    if (cells.length > 0 && cells[0].strip().equals(ruleName)) {
                        return new RuleProblem(candidate.name(), i + 1, guiltyColumn(cells, message), message);
                    }
                }
                Matcher tableRow = TABLE_ROW.matcher(ruleName);
                if (tableRow.find()) {
                    return new RuleProblem(candidate.name(), Integer.parseInt(tableRow.group(1)), null, message);
                }
            }
        }
        RuleProblem byExpression = locateExpression(file, files, message);
        if (byExpression != null) {
            return byExpression;
        }
        Matcher unresolved = UNRESOLVED.matcher(message);
        if (unresolved.find()) {
            // "八十 cannot be resolved": the data cell that holds the word
            for (RuleFile candidate : files) {
                List<String[]> rows = rows(candidate);
                for (int i = 0; i < rows.size(); i++) {
                    for (int c = 0; c < rows.get(i).length; c++) {
                        if (rows.get(i)[c].strip().equals(unresolved.group(1))) {
                            return new RuleProblem(candidate.name(), i + 1, c + 1, message);
                        }
                    }
                }
            }
        }
        return new RuleProblem(file, null, null, message);
    }

    /**
     * Finds the data cell whose value, put into its column's code snippet, gives an expression the
     * message quotes (e.g. "missingMainCount > abc"): that cell is the one at fault.
     */
    private static RuleProblem locateExpression(String file, List<RuleFile> files, String message) {
        for (RuleFile candidate : files) {
            if (file != null && !candidate.name().equals(file)) {
                continue;
            }
            List<String[]> rows = rows(candidate);
            for (int t = 0; t < rows.size(); t++) {
                if (rows.get(t).length == 0 || !rows.get(t)[0].strip().startsWith("RuleTable") || t + 3 >= rows.size()) {
                    continue;
                }
                String[] code = rows.get(t + 3);
                for (int r = t + 5; r < rows.size() && !blank(rows.get(r)); r++) {
                    String[] cells = rows.get(r);
                    for (int c = 0; c < Math.min(cells.length, code.length); c++) {
                        String value = cells[c].strip();
                        if (!value.isEmpty() && code[c].contains("$param")
                                && message.contains(code[c].strip().replace("$param", value))) {
                            return new RuleProblem(candidate.name(), r + 1, c + 1, message);
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * Data cells whose column's code snippet has a fixed set of values (e.g. a case type) but hold
     * another: Drools compiles any string, the running system would fail on it.
     */
    public static List<RuleProblem> checkValues(List<RuleFile> files, java.util.Map<String, java.util.Set<String>> allowed) {
        List<RuleProblem> problems = new ArrayList<>();
        if (allowed.isEmpty()) {
            return problems;
        }
        for (RuleFile file : files) {
            for (RuleTableRows table : tables(file)) {
                for (int r = 0; r < table.data().size(); r++) {
                    String[] cells = table.data().get(r);
                    for (int c = 0; c < Math.min(cells.length, table.code().length); c++) {
                        java.util.Set<String> values = allowed.get(table.code()[c].strip());
                        String value = cells[c].strip();
                        if (values != null && !value.isEmpty() && !values.contains(value)) {
                            problems.add(new RuleProblem(file.name(), table.firstDataLine() + r, c + 1, "取值无效 / invalid value '"
                                    + value + "', 应为 / must be one of " + new java.util.TreeSet<>(values)));
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** The column keywords of a Drools decision table's header row. */
    static final java.util.Set<String> MARKERS = java.util.Set.of("NAME", "DESCRIPTION", "CONDITION", "ACTION", "ACTIVATION-GROUP",
            "AGENDA-GROUP", "RULEFLOW-GROUP", "PRIORITY", "SALIENCE", "NO-LOOP", "LOCK-ON-ACTIVE", "AUTO-FOCUS", "DURATION", "TIMER",
            "CALENDARS", "ENABLED", "DATE-EFFECTIVE", "DATE-EXPIRES", "METADATA", "I", "U", "X", "C", "A", "N", "P", "D");

    /** A misspelt column keyword (CONDITON): Drools would drop the column and its condition with it, silently. */
    public static List<RuleProblem> checkMarkers(List<RuleFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : files) {
            List<String[]> rows = rows(file);
            for (int t = 0; t + 1 < rows.size(); t++) {
                if (rows.get(t).length == 0 || !rows.get(t)[0].strip().startsWith("RuleTable")) {
                    continue;
                }
                String[] markers = rows.get(t + 1);
                for (int c = 0; c < markers.length; c++) {
                    String marker = markers[c].strip();
                    if (!marker.isEmpty() && !MARKERS.contains(marker.toUpperCase(java.util.Locale.ROOT))) {
                        problems.add(new RuleProblem(file.name(), t + 2, c + 1, "规则表表头的关键字「" + marker
                                + "」拼写有误(应为 CONDITION、ACTION 等), 此列将被忽略 / unknown column keyword " + marker));
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Number cells outside their range, by the code snippet of the column ({min, max}): Drools
     * compiles a negative limit, the running system would count backwards with it.
     */
    public static List<RuleProblem> checkRanges(List<RuleFile> files, java.util.Map<String, double[]> ranges) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : files) {
            for (RuleTableRows table : tables(file)) {
                for (int r = 0; r < table.data().size(); r++) {
                    String[] cells = table.data().get(r);
                    for (int c = 0; c < Math.min(cells.length, table.code().length); c++) {
                        double[] range = ranges.get(table.code()[c].strip());
                        String value = cells[c].strip();
                        if (range == null || value.isEmpty()) {
                            continue;
                        }
                        Double number = null;
                        try {
                            number = Double.valueOf(value);
                        } catch (NumberFormatException e) {
                            // reported below
                        }
                        if (number == null || number < range[0] || number > range[1]) {
                            problems.add(new RuleProblem(file.name(), table.firstDataLine() + r, c + 1, "必须是" + format(range[0]) + "到"
                                    + format(range[1]) + "之间的数字, 现为「" + value + "」 / must be a number from " + format(range[0])
                                    + " to " + format(range[1])));
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /**
     * The data cells, stripped, of the column whose code row holds {@code code} in every rule table
     * of {@code files} ("" for a cell left empty, i.e. a condition that does not apply to its row);
     * empty when a file is not a CSV decision table (DRL, a spreadsheet not yet converted) or a
     * table has no such column, since then the column says nothing about all the rules.
     */
    public static java.util.Optional<List<String>> columnCells(List<RuleFile> files, String code) {
        List<String> values = new ArrayList<>();
        for (RuleFile file : files) {
            if (!file.name().toLowerCase().endsWith(".csv")) {
                return java.util.Optional.empty();
            }
            for (RuleTableRows table : tables(file)) {
                int column = java.util.Arrays.stream(table.code()).map(String::strip).toList().indexOf(code);
                if (column < 0) {
                    return java.util.Optional.empty();
                }
                for (String[] cells : table.data()) {
                    values.add(column < cells.length ? cells[column].strip() : "");
                }
            }
        }
        return java.util.Optional.of(values);
    }

    /** One rule table of a CSV file: its code row (the snippets) and its data rows, the first on line {@code firstDataLine}. */
    private record RuleTableRows(String[] code, List<String[]> data, int firstDataLine) {
    }

    /** The rule tables of a CSV decision table: "RuleTable …", then 2 rows, the code row, the labels, the data to a blank row. */
    private static List<RuleTableRows> tables(RuleFile file) {
        List<String[]> rows = rows(file);
        List<RuleTableRows> tables = new ArrayList<>();
        for (int t = 0; t < rows.size(); t++) {
            if (rows.get(t).length == 0 || !rows.get(t)[0].strip().startsWith("RuleTable") || t + 3 >= rows.size()) {
                continue;
            }
            List<String[]> data = new ArrayList<>();
            for (int r = t + 5; r < rows.size() && !blank(rows.get(r)); r++) {
                data.add(rows.get(r));
            }
            tables.add(new RuleTableRows(rows.get(t + 3), data, t + 6));
        }
        return tables;
    }

    private static boolean blank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The first cell of the row whose (non-trivial) text the message quotes: likely the value at fault. */
    private static Integer guiltyColumn(String[] cells, String message) {
        for (int c = 1; c < cells.length; c++) {
            String value = cells[c].strip();
            if (value.length() >= 1 && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")
                    && (message.contains("'" + value + "'") || message.contains(" " + value + " ")
                        || message.contains("(" + value) || message.contains(value + ")"))) {
                return c + 1;
            }
        }
        return null;
    }

    private static List<String[]> rows(RuleFile file) {
        if (!file.name().toLowerCase().endsWith(".csv")) {
            return List.of();
        }
        try {
            return org.apache.commons.csv.CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new java.io.StringReader(
                    new String(file.content(), java.nio.charset.StandardCharsets.UTF_8))).getRecords().stream()
                    .map(r -> r.values()).toList();
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** "K" → 11, "AA" → 27. */
    static int columnNumber(String letters) {
        int n = 0;
        for (char ch : letters.toCharArray()) {
            n = n * 26 + (ch - 'A' + 1);
        }
        return n;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
