package org.bianmin.calendar;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Remembers the years for which a date was computed without the State Council's schedule (on the
 * statutory holidays alone, PROVISIONAL), so administrators see the gap (log, {@code GET
 * /api/calendar/years}, API warnings).
 */
@Component
public class CalendarCoverage {

    private static final Logger log = LoggerFactory.getLogger(CalendarCoverage.class);

    private final Set<Integer> uncoveredYearsUsed = new ConcurrentSkipListSet<>();

    void uncoveredYearUsed(int year) {
        if (uncoveredYearsUsed.add(year)) {
            log.warn("No official holiday schedule for {}: counting its statutory holidays only, no make-up working days. "
                    + "Publish the calendar table for {} / {}年尚无国务院放假安排, 暂按法定节假日计算", year, year, year);
        }
    }

    void yearNowCovered(int year) {
        uncoveredYearsUsed.remove(year);
    }

    public SortedSet<Integer> uncoveredYearsUsed() {
        return new TreeSet<>(uncoveredYearsUsed);
    }

    public static String warningFor(int year) {
        return year + "年尚无国务院公布的放假安排, 暂按法定节假日计算(不含调休) / no official holiday schedule for " + year
                + " yet: counted on the statutory holidays only, without make-up working days";
    }
}
