package org.bianmin.assessment;

import java.time.YearMonth;
import java.util.Date;
import org.bianmin.calendar.CalendarService;
import org.bianmin.calendar.WorkingCalendar;
import org.bianmin.hallduties.HallDutyLimits;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the monthly routines, for BPMN expressions: a month's assessment is published, and
 * last month's denial-filing report reaches the discipline committee, by the days of the next
 * month the hall-duties table gives (the 5th and the 10th as shipped; close of office hours).
 */
@Component("assessmentDates")
public class AssessmentDates {

    private final CalendarService calendars;
    private final HallDutyLimits limits;

    public AssessmentDates(CalendarService calendars, HallDutyLimits limits) {
        this.calendars = calendars;
        this.limits = limits;
    }

    public Date publishDue(String month) {
        return closeOf(limits.dayOfNextMonth(HallDutyLimits.ASSESSMENT_PUBLISH_BY, YearMonth.parse(month)));
    }

    public Date reportDue(String month) {
        return closeOf(limits.dayOfNextMonth(HallDutyLimits.DENIAL_REPORT_BY, YearMonth.parse(month)));
    }

    private Date closeOf(java.time.LocalDate day) {
        WorkingCalendar calendar = calendars.calendar();
        return Date.from(calendar.close(day));
    }
}
