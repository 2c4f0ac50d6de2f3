package org.bianmin.calendar;

import java.time.LocalDate;
import java.util.Map;

/**
 * One year's table of exceptions to the Monday-Friday week: statutory holidays and the
 * make-up working days (调休) the State Council publishes.
 */
public record CalendarYear(int year, Map<LocalDate, DayEntry> days) {

    public enum Kind { HOLIDAY, WORKDAY }

    public record DayEntry(LocalDate date, Kind kind, String name) {
    }

    public CalendarYear {
        days = Map.copyOf(days);
        for (LocalDate date : days.keySet()) {
            if (date.getYear() != year) {
                throw new IllegalArgumentException("date " + date + " does not belong to the calendar of " + year);
            }
        }
    }
}
