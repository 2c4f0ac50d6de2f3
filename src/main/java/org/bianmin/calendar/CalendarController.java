package org.bianmin.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SortedSet;
import org.bianmin.web.AnyAuthenticatedUser;
import org.bianmin.web.ApiException;
import org.bianmin.web.InputWindow;
import org.springframework.beans.factory.ObjectProvider;
import java.time.LocalDate;
import java.util.ArrayList;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@AnyAuthenticatedUser
@RequestMapping("/api/calendar")
class CalendarController {

    /** Longer than any legal limit (petitions: one month; items: 45 + 15 working days). */
    static final int MAX_WORKING_DAYS = 366;
    static final long MAX_WORKING_MINUTES = 366L * 24 * 60;

    private final CalendarService calendars;
    private final InputWindow window;
    private final ObjectProvider<OpenDeadlines> openDeadlines;
    private final CalendarWarnings warnings;

    CalendarController(CalendarService calendars, InputWindow window, ObjectProvider<OpenDeadlines> openDeadlines,
                       CalendarWarnings warnings) {
        this.calendars = calendars;
        this.window = window;
        this.openDeadlines = openDeadlines;
        this.warnings = warnings;
    }

    /** What the rules page and the dashboard announce: a missing next year (from November), provisional years in use. */
    @GetMapping("/warnings")
    List<CalendarWarnings.Warning> warnings() {
        return warnings.current();
    }

    /** {@code provisional}: a year on the way had no official schedule (see {@code warnings}). */
    record DeadlineAnswer(OffsetDateTime from, Integer workingDays, Long workingMinutes,
                          OffsetDateTime deadline, boolean provisional, List<String> warnings) {
    }

    @GetMapping("/deadline")
    DeadlineAnswer deadline(@RequestParam String from,
                            @RequestParam(required = false) String workingDays,
                            @RequestParam(required = false) String workingMinutes,
                            @RequestParam(name = "window", required = false) String windowId) {
        WorkingCalendar centre = calendars.calendar();
        if (windowId != null && !windowId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw ApiException.invalidField("window", "窗口编号格式不正确", "not a window id");
        }
        // a window that keeps other hours (窗口办公时间) counts on its own days and hours
        WorkingCalendar calendar = centre.forWindow(windowId);
        Instant start = window.time("from", from).toInstant();
        if ((workingDays == null) == (workingMinutes == null)) {
            throw ApiException.badRequest("INVALID_PARAMETER",
                    "workingDays / workingMinutes: 必须且只能给出其中一个 / give exactly one of workingDays or workingMinutes");
        }
        Instant deadline;
        Integer days = null;
        Long minutes = null;
        if (workingDays != null) {
            days = (int) parseCount("workingDays", workingDays, MAX_WORKING_DAYS);
            deadline = calendar.afterWorkingDays(start, days);
        } else {
            minutes = parseCount("workingMinutes", workingMinutes, MAX_WORKING_MINUTES);
            deadline = calendar.afterWorkingMinutes(start, minutes);
        }
        List<String> warnings = calendars.warningsBetween(start, deadline);
        return new DeadlineAnswer(start.atZone(calendar.zone()).toOffsetDateTime(), days, minutes,
                deadline.atZone(calendar.zone()).toOffsetDateTime(), !warnings.isEmpty(), warnings);
    }

    record Day(LocalDate date, String name) {
    }

    record YearView(int year, CalendarYear.Source source, List<Day> holidays, List<Day> workdays, String warning) {
    }

    /**
     * Every year from the first official table to the year after the latest deadline of an open case
     * (at least the year after the last table): OFFICIAL, or PROVISIONAL with its statutory holidays,
     * a warning and the number of open cases whose deadline falls in it.
     */
    @GetMapping("/years")
    List<YearView> years() {
        WorkingCalendar calendar = calendars.calendar();
        SortedSet<Integer> official = calendar.coveredYears();
        int today = LocalDate.now(calendar.zone()).getYear();
        int first = official.isEmpty() ? today : official.first();
        OpenDeadlines open = openDeadlines.getIfAvailable();
        int latestDeadline = open == null ? today : open.latest().map(d -> d.atZone(calendar.zone()).getYear()).orElse(today);
        int last = Math.max(official.isEmpty() ? today : official.last(), Math.max(latestDeadline, today)) + 1;
        List<YearView> views = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            CalendarYear table = calendar.year(year);
            String warning = null;
            if (table.source() == CalendarYear.Source.PROVISIONAL) {
                long cases = open == null ? 0 : open.inYear(year);
                warning = CalendarCoverage.warningFor(year) + (cases > 0 ? "; 办结时限落在该年的在办案件 " + cases + " 件 / "
                        + cases + " open cases have their deadline in " + year : "");
            }
            views.add(new YearView(year, table.source(), days(table, CalendarYear.Kind.HOLIDAY), days(table, CalendarYear.Kind.WORKDAY),
                    warning));
        }
        return views;
    }

    private static List<Day> days(CalendarYear table, CalendarYear.Kind kind) {
        return table.days().values().stream().filter(d -> d.kind() == kind).map(d -> new Day(d.date(), d.name()))
                .sorted(java.util.Comparator.comparing(Day::date)).toList();
    }

    private static long parseCount(String field, String text, long max) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "必须是整数", "must be a whole number");
        }
        if (value < 0 || value > max) {
            throw ApiException.invalidField(field, "必须在 0 到 " + max + " 之间", "must be between 0 and " + max);
        }
        return value;
    }
}
