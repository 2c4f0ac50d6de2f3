package org.bianmin.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bianmin.calendar.CalendarService;
import org.bianmin.calendar.WorkingCalendar;
import org.springframework.stereotype.Service;

/**
 * Turns a rule-table time limit into deadlines and warning times on the working-day calendar of the
 * case's window (the centre's, unless the window keeps other hours).
 */
@Service
public class SlaPlanner {

    private final CalendarService calendars;

    public SlaPlanner(CalendarService calendars) {
        this.calendars = calendars;
    }

    /** Plans a case of the window: on the window's own days and hours where it keeps other ones (窗口办公时间). */
    public SlaPlan plan(String window, Instant start, TimeLimit limit) {
        return plan(start, limit, calendar(window));
    }

    /** The calendar a case of the window counts on. */
    public WorkingCalendar calendar(String window) {
        return calendars.calendar().forWindow(window);
    }

    /** Plans on a given calendar, e.g. a draft in a dry run. */
    public static SlaPlan plan(Instant start, TimeLimit limit, WorkingCalendar calendar) {
        Instant deadline = limit.days() != null
                ? calendar.afterWorkingDays(start, limit.days())
                : calendar.afterWorkingMinutes(start, limit.minutes());
        long total = calendar.workingMinutesBetween(start, deadline);
        List<Instant> warnings = new ArrayList<>();
        if (limit.warnPercent() != null) {
            warnings.add(calendar.afterWorkingMinutes(start, total * limit.warnPercent() / 100));
        }
        if (limit.warnMinutesLeft() != null) {
            warnings.add(calendar.afterWorkingMinutes(start, Math.max(0, total - limit.warnMinutesLeft())));
        }
        if (limit.warnDaysLeft() != null && limit.days() != null) {
            // "one working day left": the close of office hours on the (N-1)-th working day
            warnings.add(calendar.afterWorkingDays(start, Math.max(0, limit.days() - limit.warnDaysLeft())));
        }
        Instant warnAt = warnings.stream().min(Comparator.naturalOrder()).orElse(null);
        if (warnAt != null) {
            warnAt = warnAt.isBefore(start) ? start : warnAt.isAfter(deadline) ? deadline : warnAt;
        }
        return new SlaPlan(start, deadline, warnAt);
    }

    /** Moves an instant on by paused working time (the clock stops while the applicant supplements). */
    public Instant shift(String window, Instant instant, long pausedWorkingMinutes) {
        return instant == null || pausedWorkingMinutes == 0 ? instant
                : calendar(window).afterWorkingMinutes(instant, pausedWorkingMinutes);
    }

    /** Moves an instant on by whole working days of office time (an approved extension). */
    public Instant shiftWorkingDays(String window, Instant instant, int days) {
        WorkingCalendar calendar = calendar(window);
        return calendar.afterWorkingMinutes(instant, calendar.officeHours().minutesPerDay() * days);
    }

    /** Working minutes between two instants, for paused time and overdue time. */
    public long workingMinutesBetween(String window, Instant from, Instant to) {
        return calendar(window).workingMinutesBetween(from, to);
    }

    /** The instant a number of working minutes after another (hand-over limits). */
    public Instant afterWorkingMinutes(String window, Instant from, long minutes) {
        return calendar(window).afterWorkingMinutes(from, minutes);
    }
}
