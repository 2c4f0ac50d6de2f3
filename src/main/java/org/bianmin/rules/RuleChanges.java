package org.bianmin.rules;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two versions of a rule set, cell by cell and in words a rule administrator
 * and a director read ("事项目录 第14行「MZ-001」承诺时限: 10 → 12"), not as a text diff. Rows are
 * matched as a text diff matches lines; a changed row lists its changed cells under the column's
 * business name, as {@link RuleTableLayout} (and so the grid) names it.
 */
public final class RuleChanges {

    /** One change: {@code row} is the line in the newer version (in the older one for a removed row). */
    public record Change(String file, int row, String column, String before, String after, String text) {
    }

    private RuleChanges() {
    }

    public static List<Change> between(RuleSetDefinition<?> d, List<RuleFile> older, List<RuleFile> newer) {
        String title = d.title();
        Map<String, RuleFile> a = byName(older);
        Map<String, RuleFile> b = byName(newer);
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            if (!a.containsKey(name)) {
                changes.add(new Change(name, 0, null, null, null, title + " 新增「" + d.fileTitle(name) + "」"));
            } else if (!b.containsKey(name)) {
                changes.add(new Change(name, 0, null, null, null, title + " 删除「" + d.fileTitle(name) + "」"));
            } else if (!Arrays.equals(a.get(name).content(), b.get(name).content())) {
                String where = d.fileTitle(name).equals(title) ? title : title + "·" + d.fileTitle(name);
                changes.addAll(fileChanges(where, name, parse(d, a.get(name)), parse(d, b.get(name))));
            }
        }
        return changes;
    }

    /** A file's rows and the business names of their columns, as the grid heads them. */
    private record Rows(List<List<String>> rows, List<RuleTableLayout.Table> tables) {
        /** The columns of the table the line lies in, by CSV index (none outside a table). */
        Map<Integer, RuleTableLayout.Column> columns(int line) {
            Map<Integer, RuleTableLayout.Column> columns = new LinkedHashMap<>();
            table(line).ifPresent(t -> t.columns().forEach(c -> columns.put(c.index(), c)));
            return columns;
        }

        /** Where in the file a line lies: the table's title where the file holds more than one table. */
        String where(int line) {
            return tables.size() < 2 ? "" : table(line).map(t -> t.title() == null ? "" : "·" + t.title() + "表").orElse("");
        }

        private java.util.Optional<RuleTableLayout.Table> table(int line) {
            return tables.stream().filter(t -> line >= t.first() && line < t.end()).findFirst();
        }
    }

    private static List<Change> fileChanges(String title, String file, Rows olderRows, Rows newerRows) {
        List<List<String>> older = olderRows.rows();
        List<List<String>> newer = newerRows.rows();
        List<Change> changes = new ArrayList<>();
        for (AbstractDelta<List<String>> delta : DiffUtils.diff(older, newer).getDeltas()) {
            List<List<String>> removed = delta.getSource().getLines();
            List<List<String>> added = delta.getTarget().getLines();
            int paired = delta.getType() == DeltaType.CHANGE ? Math.min(removed.size(), added.size()) : 0;
            for (int i = 0; i < paired; i++) {
                int line = delta.getTarget().getPosition() + i;
                Map<Integer, RuleTableLayout.Column> columns = newerRows.columns(line);
                List<String> before = removed.get(i);
                List<String> after = added.get(i);
                for (int c = 0; c < Math.max(before.size(), after.size()); c++) {
                    String was = cell(before, c);
                    String is = cell(after, c);
                    if (!was.equals(is)) {
                        RuleTableLayout.Column shownAs = columns.get(c);
                        String column = shownAs == null || shownAs.label().isBlank() ? "第" + (c + 1) + "列" : shownAs.label();
                        String row = rowName(after);
                        changes.add(new Change(file, line + 1, column, was, is, title + newerRows.where(line) + " 第" + (line + 1) + "行"
                                + (row.isEmpty() ? " " : row) + column + ": " + shown(shownAs, was) + " → " + shown(shownAs, is)));
                    }
                }
            }
            for (int i = paired; i < removed.size(); i++) {
                int line = delta.getSource().getPosition() + i + 1;
                changes.add(new Change(file, line, null, String.join(",", removed.get(i)), null,
                        title + olderRows.where(line - 1) + " 删除原第" + line + "行" + rowName(removed.get(i)) + ": " + summary(removed.get(i))));
            }
            for (int i = paired; i < added.size(); i++) {
                int line = delta.getTarget().getPosition() + i + 1;
                changes.add(new Change(file, line, null, null, String.join(",", added.get(i)),
                        title + newerRows.where(line - 1) + " 新增第" + line + "行" + rowName(added.get(i)) + ": " + summary(added.get(i))));
            }
        }
        return changes;
    }

    private static String rowName(List<String> row) {
        String first = cell(row, 0);
        return first.isBlank() ? "" : "「" + first + "」";
    }

    private static String summary(List<String> row) {
        String text = String.join(", ", row.stream().filter(c -> !c.isBlank()).toList());
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** A cell as the grid shows it: the label of a listed value, 是/否 for a yes/no column. */
    private static String shown(RuleTableLayout.Column column, String value) {
        if (value.isBlank()) {
            return "(空)";
        }
        if (column == null) {
            return value;
        }
        return switch (column.kind()) {
            case SELECT -> column.options() == null ? value : column.options().getOrDefault(value, value);
            case MULTI -> column.labelsOf(value);
            case BOOLEAN -> value.equals("true") ? "是" : value.equals("false") ? "否" : value;
            case FLAG -> "是";
            default -> value;
        };
    }

    private static String cell(List<String> row, int c) {
        return c < row.size() ? row.get(c) : "";
    }

    private static Rows parse(RuleSetDefinition<?> d, RuleFile file) {
        if (file.name().toLowerCase().endsWith(".csv")) {
            try {
                RuleTableLayout.Parsed parsed = RuleTableLayout.parse(file, d);
                return new Rows(parsed.lines().stream().map(RuleTableLayout.Line::cells).toList(), parsed.tables());
            } catch (IllegalArgumentException unreadable) {
                // a draft that is not CSV any more still shows what changed, line by line
            }
        }
        return new Rows(new String(file.content(), StandardCharsets.UTF_8).lines().map(List::of).toList(), List.of());
    }

    private static Map<String, RuleFile> byName(List<RuleFile> files) {
        Map<String, RuleFile> map = new LinkedHashMap<>();
        files.forEach(f -> map.put(f.name(), f));
        return map;
    }
}
