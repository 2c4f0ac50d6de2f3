package org.bianmin.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The office periods of a working day, e.g. 08:30-12:00 and 13:30-17:30, in order and not overlapping. */
public record OfficeHours(List<Period> periods) {

    public record Period(LocalTime start, LocalTime end) {
        public Period {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("office period must end after it starts: " + start + "-" + end);
            }
        }

        long minutes() {
            return Duration.between(start, end).toMinutes();
        }
    }

    public OfficeHours {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("office hours need at least one period");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("office periods must be in order and not overlap: " + periods);
            }
        }
        periods = List.copyOf(periods);
    }

    /** Parses "08:30-12:00,13:30-17:30". */
    public static OfficeHours parse(String text) {
        List<Period> periods = new ArrayList<>();
        try {
            for (String part : text.split(",")) {
                String[] ends = part.trim().split("-");
                if (ends.length != 2) {
                    throw new IllegalArgumentException("office period must look like 08:30-12:00: " + part);
                }
                periods.add(new Period(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim())));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad office hours '" + text + "': " + e.getMessage(), e);
        }
        return new OfficeHours(periods);
    }

    public LocalTime opening() {
        return periods.get(0).start();
    }

    public LocalTime closing() {
        return periods.get(periods.size() - 1).end();
    }

    /** Working minutes in one full working day (450 for the default hours). */
    public long minutesPerDay() {
        return periods.stream().mapToLong(Period::minutes).sum();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Period p : periods) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(p.start()).append('-').append(p.end());
        }
        return text.toString();
    }
}
