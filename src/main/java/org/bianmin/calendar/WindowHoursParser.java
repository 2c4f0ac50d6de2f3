package org.bianmin.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bianmin.rules.RuleProblem;

/**
 * Reads {@code office-hours.csv} (窗口办公时间): one row per window that keeps other hours than the
 * centre — {@code window,days,hours,holidays,basis}, days as {@code MONDAY;...;SUNDAY}, hours as
 * {@code 08:30-12:00,13:30-17:30}, holidays {@code true} where the window opens on statutory holidays.
 * Lines starting with {@code #} are comments. Problems name the row and column, in Chinese.
 */
final class WindowHoursParser {

    static final String FILE = "office-hours.csv";
    static final List<String> HEADER = List.of("window", "days", "hours", "holidays", "basis");
    static final Map<String, String> DAY_LABELS = dayLabels();

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setCommentMarker('#').get();

    private WindowHoursParser() {
    }

    static final class WindowHoursFormatException extends IllegalArgumentException {
        private final transient List<RuleProblem> problems;

        WindowHoursFormatException(List<RuleProblem> problems) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
        }

        List<RuleProblem> problems() {
            return problems;
        }
    }

    /** @param windows the window groups of the centre, id → name */
    static List<WindowHours> parse(String csv, Map<String, String> windows) {
        List<RuleProblem> problems = new ArrayList<>();
        List<WindowHours> rows = new ArrayList<>();
        List<CSVRecord> records;
        try {
            records = CSV.parse(new StringReader(csv)).getRecords();
        } catch (IOException | RuntimeException e) {
            throw new WindowHoursFormatException(List.of(new RuleProblem(FILE, null, null, "不是有效的表格(CSV): " + e.getMessage())));
        }
        if (records.isEmpty() || !records.get(0).toList().stream().map(String::strip).toList().equals(HEADER)) {
            throw new WindowHoursFormatException(List.of(new RuleProblem(FILE, 1, null,
                    "表头应为 " + String.join(",", HEADER) + "(窗口, 办公日, 办公时间, 法定节假日照常办公, 依据)")));
        }
        Set<String> seen = new java.util.HashSet<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            int row = lineOf(csv, record);
            String window = cell(record, 0);
            String name = windows.getOrDefault(window, window);
            boolean ok = true;
            if (!windows.containsKey(window)) {
                problems.add(new RuleProblem(FILE, row, 1, "「" + window + "」不是本中心的窗口, 请从下拉列表中选择"));
                ok = false;
            } else if (!seen.add(window)) {
                problems.add(new RuleProblem(FILE, row, 1, name + "重复出现, 每个窗口只能有一行"));
                ok = false;
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : cell(record, 1).split(";")) {
                if (day.isBlank()) {
                    continue;
                }
                try {
                    days.add(DayOfWeek.valueOf(day.strip()));
                } catch (IllegalArgumentException unknown) {
                    problems.add(new RuleProblem(FILE, row, 2, "「" + day.strip() + "」不是星期几, 请勾选周一至周日"));
                    ok = false;
                }
            }
            if (days.isEmpty() && ok) {
                problems.add(new RuleProblem(FILE, row, 2, name + "至少要有一个办公日"));
                ok = false;
            }
            OfficeHours hours = null;
            try {
                hours = OfficeHours.parse(cell(record, 2));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(FILE, row, 3, "办公时间应写作 08:30-12:00,13:30-17:30(各时段按先后、互不重叠): 「"
                        + cell(record, 2) + "」"));
                ok = false;
            }
            String holidays = cell(record, 3);
            if (!holidays.equals("true") && !holidays.equals("false")) {
                problems.add(new RuleProblem(FILE, row, 4, "法定节假日照常办公请选择是或否"));
                ok = false;
            }
            String basis = cell(record, 4);
            if (basis.isBlank()) {
                problems.add(new RuleProblem(FILE, row, 5, name + "的办公时间须注明依据(如中心关于周末不打烊的通知)"));
                ok = false;
            }
            if (ok) {
                rows.add(new WindowHours(window, days, holidays.equals("true"), hours, basis));
            }
        }
        if (!problems.isEmpty()) {
            throw new WindowHoursFormatException(problems);
        }
        return rows;
    }

    /** The file's line (1-based) a record starts on, counting comment and blank lines as a person sees them. */
    private static int lineOf(String csv, CSVRecord record) {
        long position = record.getCharacterPosition();
        // a comment right above the record belongs to it and starts where it does
        int line = 1 + (record.hasComment() ? (int) record.getComment().lines().count() : 0);
        for (int i = 0; i < position && i < csv.length(); i++) {
            if (csv.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String cell(CSVRecord record, int i) {
        return i < record.size() ? record.get(i).strip() : "";
    }

    private static Map<String, String> dayLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        String[] names = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
        for (DayOfWeek day : DayOfWeek.values()) {
            labels.put(day.name(), names[day.getValue() - 1]);
        }
        return java.util.Collections.unmodifiableMap(labels);
    }
}
