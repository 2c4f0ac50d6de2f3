package org.bianmin.calendar;

/** Told, once on the publishing node, that a new calendar version is about to be in force (the cases re-plan). */
public interface CalendarChangeListener {

    void calendarChanging(WorkingCalendar before, WorkingCalendar after, String version);

    /**
     * The same working time on another calendar. An instant {@code x} at the close of the k-th working
     * day after {@code start}'s day on {@code before} — where deadlines of working-day limits lie — is the
     * close of the k-th working day on {@code after}, even where a window's hours per day differ; any
     * other instant that lay {@code n} working minutes after {@code start} lies {@code n} working minutes
     * after it. Limits are working time, so this keeps every limit, pause and extension as it was and
     * moves only what the calendar's facts move.
     */
    static java.time.Instant sameWorkingTime(java.time.Instant start, java.time.Instant x, WorkingCalendar before,
                                             WorkingCalendar after) {
        if (x == null) {
            return null;
        }
        if (!x.isAfter(start)) {
            return x;
        }
        java.time.LocalDate day = x.atZone(before.zone()).toLocalDate();
        java.time.LocalDate startDay = start.atZone(before.zone()).toLocalDate();
        if (day.isAfter(startDay) && before.isWorkingDay(day) && x.equals(before.close(day))) {
            int workingDays = 0;
            for (java.time.LocalDate d = startDay.plusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
                if (before.isWorkingDay(d)) {
                    workingDays++;
                }
            }
            return after.afterWorkingDays(start, workingDays);
        }
        return after.afterWorkingMinutes(start, before.workingMinutesBetween(start, x));
    }
}
