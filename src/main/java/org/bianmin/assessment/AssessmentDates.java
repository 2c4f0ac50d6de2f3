package org.bianmin.assessment;

import java.time.YearMonth;
import java.util.Date;
import org.bianmin.calendar.CalendarService;
import org.bianmin.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the monthly routines, for BPMN expressions: a month's assessment is published by
 * the 5th of the next month, last month's denial-filing report reaches the discipline committee
 * by the 10th (close of office hours on that day).
 */
@Component("assessmentDates")
public class AssessmentDates {

    static final int PUBLISH_BY_DAY = 5;
    static final int REPORT_BY_DAY = 10;

    private final CalendarService calendars;

    public AssessmentDates(CalendarService calendars) {
        this.calendars = calendars;
    }

    public Date publishDue(String month) {
        return closeOf(YearMonth.parse(month).plusMonths(1).atDay(PUBLISH_BY_DAY));
    }

    public Date reportDue(String month) {
        return closeOf(YearMonth.parse(month).plusMonths(1).atDay(REPORT_BY_DAY));
    }

    private Date closeOf(java.time.LocalDate day) {
        WorkingCalendar calendar = calendars.calendar();
        return Date.from(calendar.close(day));
    }
}
