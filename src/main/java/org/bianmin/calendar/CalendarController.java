package org.bianmin.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SortedSet;
import org.bianmin.web.AnyAuthenticatedUser;
import org.bianmin.web.ApiException;
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
    private final CalendarCoverage coverage;

    CalendarController(CalendarService calendars, CalendarCoverage coverage) {
        this.calendars = calendars;
        this.coverage = coverage;
    }

    record DeadlineAnswer(OffsetDateTime from, Integer workingDays, Long workingMinutes,
                          OffsetDateTime deadline, List<String> warnings) {
    }

    @GetMapping("/deadline")
    DeadlineAnswer deadline(@RequestParam String from,
                            @RequestParam(required = false) String workingDays,
                            @RequestParam(required = false) String workingMinutes) {
        WorkingCalendar calendar = calendars.calendar();
        Instant start = parseInstant(from);
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
        return new DeadlineAnswer(start.atZone(calendar.zone()).toOffsetDateTime(), days, minutes,
                deadline.atZone(calendar.zone()).toOffsetDateTime(), calendars.warningsBetween(start, deadline));
    }

    record YearsAnswer(SortedSet<Integer> covered, SortedSet<Integer> uncoveredYearsUsed, String officeHours, String zone) {
    }

    /** Which years have a table, and which were needed without one (for administrators). */
    @GetMapping("/years")
    YearsAnswer years() {
        WorkingCalendar calendar = calendars.calendar();
        return new YearsAnswer(calendar.coveredYears(), coverage.uncoveredYearsUsed(),
                calendar.officeHours().toString(), calendar.zone().getId());
    }

    static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("from", "时间格式应为带时区的 ISO-8601, 如 2026-02-12T10:00:00+08:00",
                    "must be ISO-8601 with offset, e.g. 2026-02-12T10:00:00+08:00");
        }
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
