package org.bianmin.calendar;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Working-day arithmetic for BPMN timer expressions. A process author writes, for example,
 * {@code <timeDate>${workingTime.afterDays(acceptedAt, 5)}</timeDate>} or
 * {@code ${workingTime.afterMinutes(acceptedAt, 30)}}; the engine takes the returned date as the
 * timer's due date.
 */
@Component("workingTime")
public class WorkingTime {

    private final CalendarService calendars;

    public WorkingTime(CalendarService calendars) {
        this.calendars = calendars;
    }

    public Date afterDays(Date from, int workingDays) {
        return Date.from(calendars.calendar().afterWorkingDays(from.toInstant(), workingDays));
    }

    public Date afterMinutes(Date from, long workingMinutes) {
        return Date.from(calendars.calendar().afterWorkingMinutes(from.toInstant(), workingMinutes));
    }

    public Date afterHalfDays(Date from, int halfDays) {
        WorkingCalendar calendar = calendars.calendar();
        return Date.from(calendar.afterWorkingMinutes(from.toInstant(), calendar.officeHours().minutesPerDay() * halfDays / 2));
    }
}
