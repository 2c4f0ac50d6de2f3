package org.bianmin.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bianmin.calendar.CalendarChangeListener;
import org.bianmin.calendar.WorkingCalendar;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing a calendar version re-plans every open case whose deadline or warning time it moves:
 * the same working time on the new calendar ({@link CalendarChangeListener#sameWorkingTime}), so the
 * limit, pauses and extension stay as they were. The case record gets the new dates and calendar
 * version, the engine's timer jobs move in place (same jobs, new due dates), the open tasks' due and
 * follow-up dates and the instances' date variables follow, and the case gets a timeline entry.
 * Limits and classification are not retroactive; the calendar, which states facts, is.
 */
@Component
class CaseReplanner implements CalendarChangeListener {

    private static final Logger log = LoggerFactory.getLogger(CaseReplanner.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final CaseRepository cases;
    private final NamedParameterJdbcTemplate jdbc;
    private final CaseEventRepository events;
    private final CaseClock clock;
    private final TransactionTemplate perCase;

    CaseReplanner(CaseRepository cases, NamedParameterJdbcTemplate jdbc, CaseEventRepository events, CaseClock clock,
                  PlatformTransactionManager transactions) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.perCase = new TransactionTemplate(transactions);
    }

    @Override
    public void calendarChanging(WorkingCalendar before, WorkingCalendar after, String version) {
        List<String> open = jdbc.queryForList("select case_number from case_record where state in ('IN_PROGRESS', "
                + "'WAITING_SUPPLEMENT') and deadline is not null order by case_number", Map.of(), String.class);
        int moved = 0;
        for (String caseNumber : open) {
            Boolean changed = perCase.execute(status -> replan(caseNumber, before, after, version));
            if (Boolean.TRUE.equals(changed)) {
                moved++;
            }
        }
        log.info("Calendar {}: {} of {} open cases re-planned", version, moved, open.size());
    }

    private boolean replan(String caseNumber, WorkingCalendar before, WorkingCalendar after, String version) {
        CaseRecord c = cases.lock(caseNumber).orElse(null);
        if (c == null || c.deadline() == null) {
            return false;
        }
        Instant start = c.receivedAt();
        // the case counts on its window's calendar, before and after (窗口办公时间 are part of the calendar)
        WorkingCalendar was = before.forWindow(c.window());
        WorkingCalendar is = after.forWindow(c.window());
        Instant deadline = CalendarChangeListener.sameWorkingTime(start, c.deadline(), was, is);
        Instant warnAt = CalendarChangeListener.sameWorkingTime(start, c.warnAt(), was, is);
        if (Objects.equals(deadline, c.deadline()) && Objects.equals(warnAt, c.warnAt())) {
            return false;
        }
        clock.save(c, c.toBuilder().deadline(deadline).warnAt(warnAt).build());
        jdbc.update("update case_record set calendar_version = :version where case_number = :caseNumber",
                Map.of("version", version, "caseNumber", caseNumber));
        ZoneId zone = after.zone();
        events.record(CaseEventType.CALENDAR_REPLANNED, caseNumber, null, c.window(), ClockUtil.getCurrentTime().toInstant(),
                "办结时限 " + TIME.format(c.deadline().atZone(zone)) + " → " + TIME.format(deadline.atZone(zone))
                        + (c.warnAt() == null ? "" : "; 预警 " + TIME.format(c.warnAt().atZone(zone)) + " → "
                        + TIME.format(warnAt.atZone(zone))) + " (" + version + ")");
        return true;
    }
}
