package org.bianmin.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bianmin.calendar.CalendarService;
import org.bianmin.calendar.WorkingCalendar;
import org.springframework.stereotype.Service;

/** Turns a rule-table time limit into deadlines and warning times on the working-day calendar. */
@Service
public class SlaPlanner {

    private final CalendarService calendars;

    public SlaPlanner(CalendarService calendars) {
        this.calendars = calendars;
    }

    public SlaPlan plan(Instant start, TimeLimit limit) {
        return plan(start, limit, calendars.calendar());
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
    public Instant shift(Instant instant, long pausedWorkingMinutes) {
        return instant == null || pausedWorkingMinutes == 0 ? instant
                : calendars.calendar().afterWorkingMinutes(instant, pausedWorkingMinutes);
    }

    /** Moves an instant on by whole working days of office time (an approved extension). */
    public Instant shiftWorkingDays(Instant instant, int days) {
        WorkingCalendar calendar = calendars.calendar();
        return calendar.afterWorkingMinutes(instant, calendar.officeHours().minutesPerDay() * days);
    }

    /** Working minutes between two instants, for paused time and overdue time. */
    public long workingMinutesBetween(Instant from, Instant to) {
        return calendars.calendar().workingMinutesBetween(from, to);
    }

    /** The instant a number of working minutes after another (hand-over limits). */
    public Instant afterWorkingMinutes(Instant from, long minutes) {
        return calendars.calendar().afterWorkingMinutes(from, minutes);
    }

    public Instant afterWorkingDays(Instant from, int days) {
        return calendars.calendar().afterWorkingDays(from, days);
    }
}
