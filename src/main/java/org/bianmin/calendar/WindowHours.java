package org.bianmin.calendar;

import java.time.DayOfWeek;
import java.util.Set;

/**
 * A window that keeps other hours than the centre (窗口办公时间, e.g. 周末不打烊): its working days of
 * the week, whether it opens on statutory holidays, its office periods, and the decision it rests on.
 * The deadlines of its cases count on these.
 */
public record WindowHours(String window, Set<DayOfWeek> days, boolean openOnHolidays, OfficeHours hours, String basis) {

    public WindowHours {
        days = Set.copyOf(days);
    }
}
