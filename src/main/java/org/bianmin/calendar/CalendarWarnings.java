package org.bianmin.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What administrators and supervisors must be told about the calendar: from 1 November, that next
 * year has no official holiday schedule yet; at any time, each provisional year in which open cases
 * have their deadline (with how many). Shown on the rules page and the dashboard.
 */
@Component
public class CalendarWarnings {

    /** The month from which the missing table of next year is announced. */
    static final int ANNOUNCE_FROM_MONTH = 11;

    public record Warning(int year, long openCases, String message) {
    }

    private final CalendarService calendars;
    private final ObjectProvider<OpenDeadlines> openDeadlines;

    public CalendarWarnings(CalendarService calendars, ObjectProvider<OpenDeadlines> openDeadlines) {
        this.calendars = calendars;
        this.openDeadlines = openDeadlines;
    }

    public List<Warning> current() {
        WorkingCalendar calendar = calendars.calendar();
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone());
        OpenDeadlines open = openDeadlines.getIfAvailable();
        Map<Integer, Warning> warnings = new TreeMap<>();
        int next = today.getYear() + 1;
        if (today.getMonthValue() >= ANNOUNCE_FROM_MONTH && !calendar.covers(next)) {
            warnings.put(next, warning(next, open == null ? 0 : open.inYear(next)));
        }
        if (open != null) {
            int last = open.latest().map(d -> d.atZone(calendar.zone()).getYear()).orElse(today.getYear());
            for (int year = today.getYear(); year <= last; year++) {
                long cases = open.inYear(year);
                if (!calendar.covers(year) && cases > 0) {
                    warnings.put(year, warning(year, cases));
                }
            }
        }
        return List.copyOf(warnings.values());
    }

    private static Warning warning(int year, long openCases) {
        return new Warning(year, openCases, year + "年工作日历(国务院放假安排)尚未发布, 暂按法定节假日计算, 不含调休"
                + (openCases > 0 ? "; 办结时限落在" + year + "年的在办案件 " + openCases + " 件" : "")
                + "。国务院公布后请在规则管理中发布" + year + "年工作日历 / the " + year + " holiday schedule is not published yet: "
                + "deadlines in " + year + " count its statutory holidays only" + (openCases > 0 ? " (" + openCases + " open cases)" : ""));
    }
}
