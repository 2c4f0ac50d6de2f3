package org.bianmin.rules;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The business layout of a rule file: the tables a person edits, their columns with Chinese
 * headers and kinds, and the technical rows and columns that stay hidden and unchanged. The
 * editor page ({@code rules.js}) and the workbook download read the same layout, and a file read
 * here keeps each line's own text, so that an unchanged line is written back byte for byte.
 */
public final class RuleTableLayout {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    /**
     * How a column is edited: a dropdown of labels, several of the labels (codes joined by
     * {@link #MULTI_SEPARATOR}), 是/否, a 是 mark (X in the table), a number or text.
     */
    public enum Kind { TEXT, NUMBER, SELECT, MULTI, BOOLEAN, FLAG }

    /** Between the codes of a {@link Kind#MULTI} cell, e.g. {@code dept-civil;dept-market}. */
    public static final String MULTI_SEPARATOR = ";";

    /**
     * @param index   the column of the CSV (0-based)
     * @param key     the header cell (plain table) or the code snippet (decision table) options are keyed by
     * @param fixed   for a hidden column, the value every row holds (a decision table's 互斥组)
     */
    public record Column(int index, String label, String key, Kind kind, Map<String, String> options, boolean hidden,
                         boolean condition, String fixed, String help) {

        /** A {@link Kind#MULTI} cell as people read it: the labels of its codes, joined by 、 (an unknown code as it is). */
        public String labelsOf(String codes) {
            return java.util.Arrays.stream(codes.split(MULTI_SEPARATOR)).map(String::strip).filter(c -> !c.isEmpty())
                    .map(c -> options.getOrDefault(c, c)).collect(java.util.stream.Collectors.joining("、"));
        }

        /** What a person wrote in a {@link Kind#MULTI} cell (labels or codes, by 、 ; , or ，) as the codes it stores. */
        public String codesOf(String text) {
            Map<String, String> byLabel = new java.util.HashMap<>();
            options.forEach((code, label) -> byLabel.put(label, code));
            return java.util.Arrays.stream(text.split("[、;,，；]")).map(String::strip).filter(t -> !t.isEmpty())
                    .map(t -> byLabel.getOrDefault(t, t)).collect(java.util.stream.Collectors.joining(MULTI_SEPARATOR));
        }
    }

    /**
     * A table: its data lines are {@code first} to {@code end} (0-based, exclusive), under {@code title};
     * {@code decision} for a Drools decision table (a blank condition cell means 不限).
     */
    public record Table(String title, int first, int end, boolean decision, List<Column> columns) {
        public List<Column> visible() {
            return columns.stream().filter(c -> !c.hidden()).toList();
        }
    }

    /** A line of the file: its cells and its own text with its line end. */
    public record Line(List<String> cells, String raw) {
        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** A parsed file: its lines, whether it began with a BOM, and its tables. */
    public record Parsed(List<Line> lines, boolean bom, List<Table> tables) {
    }

    private RuleTableLayout() {
    }

    /** The layout of a file of the rule set, with the set's column help, options and multi-value columns. */
    public static Parsed parse(RuleFile file, RuleSetDefinition<?> d) {
        return parse(file, d.columnHelp(), d.columnOptions(), d.multiValueColumns());
    }

    public static Parsed parse(RuleFile file, Map<String, String> help, Map<String, Map<String, String>> options,
                               java.util.Set<String> multi) {
        String text = new String(file.content(), StandardCharsets.UTF_8);
        boolean bom = text.startsWith("\uFEFF");
        if (bom) {
            text = text.substring(1);
        }
        List<Line> lines = lines(text);
        List<List<String>> rows = lines.stream().map(Line::cells).toList();
        List<Table> tables = decisionTables(rows, options);
        if (tables.isEmpty()) {
            tables = plainTable(file.name(), rows, help, options, multi);
        }
        return new Parsed(lines, bom, tables);
    }

    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        try {
            List<CSVRecord> records = CSV.parse(new StringReader(text)).getRecords();
            for (int i = 0; i < records.size(); i++) {
                int start = (int) records.get(i).getCharacterPosition();
                int end = i + 1 < records.size() ? (int) records.get(i + 1).getCharacterPosition() : text.length();
                lines.add(new Line(List.of(records.get(i).values()), text.substring(start, end)));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not CSV: " + e.getMessage(), e);
        }
        return lines;
    }

    /** "RuleTable X", then the NAME/CONDITION/ACTION row, the fact row, the code row, the labels, the rules to a blank line. */
    private static List<Table> decisionTables(List<List<String>> rows, Map<String, Map<String, String>> options) {
        List<Table> tables = new ArrayList<>();
        for (int t = 0; t < rows.size(); t++) {
            if (rows.get(t).isEmpty() || !rows.get(t).get(0).strip().startsWith("RuleTable") || t + 4 >= rows.size()) {
                continue;
            }
            List<String> markers = rows.get(t + 1);
            List<String> code = rows.get(t + 3);
            List<String> labels = rows.get(t + 4);
            int end = t + 5;
            while (end < rows.size() && !rows.get(end).stream().allMatch(String::isBlank)) {
                end++;
            }
            List<List<String>> data = rows.subList(t + 5, end);
            List<Column> columns = new ArrayList<>();
            String title = null;
            for (int c = 0; c < markers.size(); c++) {
                String marker = markers.get(c).strip();
                if (marker.isEmpty()) {
                    continue;
                }
                String snippet = cell(code, c).strip();
                List<String> values = values(data, c);
                boolean hidden = marker.equals("ACTIVATION-GROUP");
                String fixed = hidden ? values.stream().filter(v -> !v.isBlank()).findFirst().orElse("") : null;
                if (hidden && !fixed.isEmpty()) {
                    title = fixed;
                }
                String label = cell(labels, c).strip().isEmpty() ? marker : cell(labels, c).strip();
                columns.add(new Column(c, label, snippet, kind(marker, snippet, options.get(snippet), values, true),
                        options.get(snippet), hidden, marker.equals("CONDITION"), fixed, null));
            }
            tables.add(new Table(title, t + 5, end, true, columns));
        }
        return tables;
    }

    /** The first line that is no comment is the header; its cells name the columns, by their Chinese help. */
    private static List<Table> plainTable(String fileName, List<List<String>> rows, Map<String, String> help,
                                          Map<String, Map<String, String>> options, java.util.Set<String> multi) {
        int header = 0;
        while (header < rows.size() && (cell(rows.get(header), 0).startsWith("#") || rows.get(header).stream().allMatch(String::isBlank))) {
            header++;
        }
        if (header >= rows.size()) {
            return List.of();
        }
        String base = fileName.replaceFirst("\\.csv$", "");
        List<List<String>> data = rows.subList(header + 1, rows.size());
        List<Column> columns = new ArrayList<>();
        List<String> names = rows.get(header);
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c).strip();
            String text = help.getOrDefault(name + "@" + base, help.getOrDefault(name, ""));
            String label = text.isEmpty() ? name : text.split("[(（:：]", 2)[0];
            Kind kind = multi.contains(name) && options.containsKey(name) ? Kind.MULTI
                    : kind("", name, options.get(name), values(data, c), false);
            columns.add(new Column(c, label, name, kind, options.get(name), false, false, null, text));
        }
        return List.of(new Table(null, header + 1, rows.size(), false, columns));
    }

    /** As {@code rules.js} decides it: options first, then 是/否, a 是 mark, numbers, text. */
    private static Kind kind(String marker, String key, Map<String, String> options, List<String> values, boolean decision) {
        List<String> filled = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        if (marker.equals("NAME")) {
            return Kind.TEXT;
        }
        if (options != null) {
            return Kind.SELECT;
        }
        if (!filled.isEmpty() && filled.stream().allMatch(v -> v.equals("true") || v.equals("false"))) {
            return Kind.BOOLEAN;
        }
        if (decision && !key.isEmpty() && !key.contains("$param")) {
            return Kind.FLAG;
        }
        boolean numeric = decision ? key.matches("(?s).*(^|[^\"])\\$param([^\"]|$).*")
                : !filled.isEmpty() && filled.stream().allMatch(v -> v.matches("-?\\d+(\\.\\d+)?"));
        return numeric ? Kind.NUMBER : Kind.TEXT;
    }

    private static List<String> values(List<List<String>> data, int column) {
        return data.stream().map(r -> cell(r, column)).toList();
    }

    static String cell(List<String> row, int c) {
        return c < row.size() ? row.get(c) : "";
    }
}
