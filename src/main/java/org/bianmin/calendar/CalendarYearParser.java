package org.bianmin.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a calendar table (rules/calendar/YYYY.csv): header {@code date,kind,name}, one row per
 * exceptional day, kind HOLIDAY or WORKDAY. Every error names its line.
 */
public final class CalendarYearParser {

    private CalendarYearParser() {
    }

    public static CalendarYear parse(int year, String csv) {
        Map<LocalDate, CalendarYear.DayEntry> days = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(csv))) {
            String line;
            int lineNumber = 0;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = line.strip().replace("\uFEFF", "");
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    if (!trimmed.toLowerCase().startsWith("date,kind")) {
                        throw new CalendarFormatException(lineNumber, "header must be 'date,kind,name' / 表头必须为 date,kind,name");
                    }
                    continue;
                }
                String[] cells = trimmed.split(",", -1);
                if (cells.length < 2) {
                    throw new CalendarFormatException(lineNumber, "expected date,kind,name / 应为 日期,类型,名称");
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(cells[0].strip());
                } catch (DateTimeParseException e) {
                    throw new CalendarFormatException(lineNumber, 1, "bad date '" + cells[0] + "' (yyyy-MM-dd) / 日期格式错误");
                }
                if (date.getYear() != year) {
                    throw new CalendarFormatException(lineNumber, 1, "date " + date + " is not in " + year + " / 日期不属于" + year + "年");
                }
                CalendarYear.Kind kind;
                try {
                    kind = CalendarYear.Kind.valueOf(cells[1].strip().toUpperCase());
                } catch (IllegalArgumentException e) {
                    throw new CalendarFormatException(lineNumber, 2, "kind must be HOLIDAY or WORKDAY, not '" + cells[1] + "' / 类型必须为 HOLIDAY(放假) 或 WORKDAY(调休上班)");
                }
                String name = cells.length > 2 ? cells[2].strip() : "";
                if (days.put(date, new CalendarYear.DayEntry(date, kind, name)) != null) {
                    throw new CalendarFormatException(lineNumber, 1, "date " + date + " appears twice / 日期重复");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new CalendarYear(year, days);
    }

    /** A calendar table that cannot be read, with the line at fault. */
    public static class CalendarFormatException extends IllegalArgumentException {
        private final int line;
        private final Integer column;

        public CalendarFormatException(int line, String message) {
            this(line, null, message);
        }

        public CalendarFormatException(int line, Integer column, String message) {
            super("line " + line + (column == null ? "" : " column " + column) + ": " + message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public Integer column() {
            return column;
        }
    }
}
