package org.bianmin.rules;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * Which rows of which rule tables decided something: for the rule names a session fired and the
 * rule-set versions it ran on ({@code classification@v3}), the table, the row of the file, the
 * rule's name and its 依据 column. Published versions never change, so a version's rows are read
 * once.
 */
@Component
public class RuleTrace {

    /** A rule table row that fired: {@code row} is the line of the file, {@code basis} its 依据 cell. */
    public record Row(String ruleSet, String ruleSetTitle, String version, String table, int row, String rule, String basis) {
    }

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private final RuleSetService rules;
    private final Map<String, List<Row>> rowsOfVersion = new ConcurrentHashMap<>();

    public RuleTrace(RuleSetService rules) {
        this.rules = rules;
    }

    /** The rows, in the order of the versions and then of the files, of the fired rules found in them. */
    public List<Row> trace(Collection<String> versions, Collection<String> firedRules) {
        List<Row> trace = new ArrayList<>();
        for (String version : versions) {
            for (Row row : rowsOfVersion.computeIfAbsent(version, this::read)) {
                if (firedRules.contains(row.rule())) {
                    trace.add(row);
                }
            }
        }
        return trace;
    }

    /** Every named row of the decision tables among {@code files}, with the file each lies in. */
    public static List<Map.Entry<String, Row>> rowsIn(String ruleSet, String title, String version, List<RuleFile> files) {
        List<Map.Entry<String, Row>> rows = new ArrayList<>();
        for (RuleFile file : files) {
            if (file.name().toLowerCase().endsWith(".csv")) {
                rowsOf(ruleSet, title, version, new String(file.content(), StandardCharsets.UTF_8))
                        .forEach(row -> rows.add(Map.entry(file.name(), row)));
            }
        }
        return rows;
    }

    /** Every named row of a version's decision tables (none when the label is not a known version). */
    private List<Row> read(String label) {
        int at = label.lastIndexOf("@v");
        if (at < 0) {
            return List.of();
        }
        String ruleSet = label.substring(0, at);
        RuleSetVersion version;
        String title;
        try {
            version = rules.version(ruleSet, Integer.parseInt(label.substring(at + 2)));
            title = rules.definition(ruleSet).title();
        } catch (RuntimeException unknown) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (RuleFile file : version.files()) {
            if (file.name().toLowerCase().endsWith(".csv")) {
                rows.addAll(rowsOf(ruleSet, title, label, new String(file.content(), StandardCharsets.UTF_8)));
            }
        }
        return List.copyOf(rows);
    }

    /** A Drools spreadsheet: "RuleTable X", its NAME row, two code rows, the labels row (规则名称 … 依据), then the rules. */
    static List<Row> rowsOf(String ruleSet, String title, String version, String csv) {
        List<Row> rows = new ArrayList<>();
        String table = null;
        int name = -1;
        int basis = -1;
        int afterNames = 0;
        try {
            for (CSVRecord record : CSV.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))) {
                String first = record.size() > 0 ? record.get(0).strip() : "";
                if (first.startsWith("RuleTable ")) {
                    table = first.substring("RuleTable ".length()).strip();
                    name = -1;
                    basis = -1;
                    continue;
                }
                if (table == null) {
                    continue;
                }
                if (name < 0) {
                    for (int i = 0; i < record.size(); i++) {
                        if (record.get(i).strip().equals("NAME")) {
                            name = i;
                            afterNames = 0;
                        }
                    }
                    continue;
                }
                afterNames++;
                if (afterNames == 3) {
                    // the labels row a person reads
                    for (int i = 0; i < record.size(); i++) {
                        if (record.get(i).strip().equals("依据")) {
                            basis = i;
                        }
                    }
                    continue;
                }
                if (afterNames > 3 && name < record.size() && !record.get(name).isBlank()) {
                    rows.add(new Row(ruleSet, title, version, table, (int) record.getRecordNumber(), record.get(name).strip(),
                            basis >= 0 && basis < record.size() && !record.get(basis).isBlank() ? record.get(basis).strip() : null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
