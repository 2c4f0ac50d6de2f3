package org.bianmin.calendar;

import java.time.LocalDate;
import java.util.Map;

/**
 * One year's table of exceptions to the Monday-Friday week: statutory holidays and the
 * make-up working days (调休) the State Council publishes.
 */
public record CalendarYear(int year, Map<LocalDate, DayEntry> days, Source source) {

    public enum Kind { HOLIDAY, WORKDAY }

    /** OFFICIAL: the State Council's schedule; PROVISIONAL: the statutory holidays alone, no 调休 (not yet published). */
    public enum Source { OFFICIAL, PROVISIONAL }

    /** An official table. */
    public CalendarYear(int year, Map<LocalDate, DayEntry> days) {
        this(year, days, Source.OFFICIAL);
    }

    public record DayEntry(LocalDate date, Kind kind, String name) {
    }

    public CalendarYear {
        days = Map.copyOf(days);
        java.util.Objects.requireNonNull(source);
        for (LocalDate date : days.keySet()) {
            if (date.getYear() != year) {
                throw new IllegalArgumentException("date " + date + " does not belong to the calendar of " + year);
            }
        }
    }
}
