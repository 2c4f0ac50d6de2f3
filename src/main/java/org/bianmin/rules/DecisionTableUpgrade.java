package org.bianmin.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bianmin.rules.RuleTableLayout.Column;
import org.bianmin.rules.RuleTableLayout.Line;
import org.bianmin.rules.RuleTableLayout.Parsed;
import org.bianmin.rules.RuleTableLayout.Table;

/**
 * Brings a decision table an earlier release wrote into this release's layout: a column this
 * release added is inserted with, in each rule row, the value that reproduces what the earlier
 * release did. Lines outside the table keep their own text.
 */
public final class DecisionTableUpgrade {

    private DecisionTableUpgrade() {
    }

    /**
     * Adds an ACTION column to every table of the file that has a column whose code starts with
     * {@code tableMark} and lacks {@code snippet}; it goes before the column whose code starts with
     * {@code before} (else last). A rule row's value is computed from its cells by code snippet.
     */
    public static RuleFile addAction(RuleFile file, String tableMark, String snippet, String label, String before,
                                     Function<Map<String, String>, String> value) {
        if (!file.name().toLowerCase().endsWith(".csv")) {
            return file;
        }
        Parsed parsed = RuleTableLayout.parse(file, Map.of(), Map.of(), java.util.Set.of());
        List<String> lines = new ArrayList<>(parsed.lines().stream().map(Line::raw).toList());
        boolean changed = false;
        for (Table table : parsed.tables()) {
            List<Column> columns = table.columns();
            if (columns.stream().noneMatch(c -> c.key().startsWith(tableMark)) || columns.stream().anyMatch(c -> c.key().equals(snippet))) {
                continue;
            }
            int at = columns.stream().filter(c -> c.key().startsWith(before)).mapToInt(Column::index).findFirst()
                    .orElse(columns.stream().mapToInt(Column::index).max().orElse(-1) + 1);
            int markers = table.first() - 4;
            for (int l = markers; l < table.end(); l++) {
                List<String> cells = parsed.lines().get(l).cells();
                String cell = switch (l - markers) {
                    case 0 -> "ACTION";
                    case 1 -> "";
                    case 2 -> snippet;
                    case 3 -> label;
                    default -> value.apply(bySnippet(columns, cells));
                };
                lines.set(l, withCell(cells, at, cell) + lineEnd(parsed.lines().get(l).raw()));
            }
            changed = true;
        }
        if (!changed) {
            return file;
        }
        return new RuleFile(file.name(), ((parsed.bom() ? "\uFEFF" : "") + String.join("", lines)).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> bySnippet(List<Column> columns, List<String> cells) {
        Map<String, String> row = new LinkedHashMap<>();
        columns.forEach(c -> row.put(c.key(), RuleTableLayout.cell(cells, c.index()).strip()));
        return row;
    }

    private static String withCell(List<String> cells, int at, String cell) {
        List<String> row = new ArrayList<>(cells);
        while (row.size() < at) {
            row.add("");
        }
        row.add(at, cell);
        return row.stream().map(RuleTableSpreadsheets::csvCell).collect(Collectors.joining(","));
    }

    private static String lineEnd(String raw) {
        return raw.endsWith("\r\n") ? "\r\n" : raw.endsWith("\n") ? "\n" : raw.endsWith("\r") ? "\r" : "";
    }
}
