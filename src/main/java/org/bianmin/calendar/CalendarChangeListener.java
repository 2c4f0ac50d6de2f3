package org.bianmin.calendar;

/** Told, once on the publishing node, that a new calendar version is about to be in force (the cases re-plan). */
public interface CalendarChangeListener {

    void calendarChanging(WorkingCalendar before, WorkingCalendar after, String version);

    /**
     * The same working time on another calendar: an instant {@code x} that lay {@code n} working
     * minutes after {@code start} on {@code before} lies {@code n} working minutes after it on
     * {@code after}. Limits are working time, so this keeps every limit, pause and extension as it
     * was and moves only what the calendar's facts move.
     */
    static java.time.Instant sameWorkingTime(java.time.Instant start, java.time.Instant x, WorkingCalendar before,
                                             WorkingCalendar after) {
        if (x == null) {
            return null;
        }
        if (!x.isAfter(start)) {
            return x;
        }
        return after.afterWorkingMinutes(start, before.workingMinutesBetween(start, x));
    }
}
