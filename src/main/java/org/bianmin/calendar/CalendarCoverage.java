package org.bianmin.calendar;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Remembers the years for which a date was computed on plain weekdays because no calendar table
 * exists, so administrators see the gap (log, {@code GET /api/calendar/years}, API warnings).
 */
@Component
public class CalendarCoverage {

    private static final Logger log = LoggerFactory.getLogger(CalendarCoverage.class);

    private final Set<Integer> uncoveredYearsUsed = new ConcurrentSkipListSet<>();

    void uncoveredYearUsed(int year) {
        if (uncoveredYearsUsed.add(year)) {
            log.warn("No working-day calendar for {}: counting Monday-Friday only. Add rules/calendar/{}.csv "
                    + "(holidays and make-up working days) / {}年无工作日历, 暂按周一至周五计算", year, year, year);
        }
    }

    void yearNowCovered(int year) {
        uncoveredYearsUsed.remove(year);
    }

    public SortedSet<Integer> uncoveredYearsUsed() {
        return new TreeSet<>(uncoveredYearsUsed);
    }

    public static String warningFor(int year) {
        return "no working-day calendar for " + year + ", counted on weekdays only / " + year + "年未配置工作日历, 按周一至周五计算";
    }
}
