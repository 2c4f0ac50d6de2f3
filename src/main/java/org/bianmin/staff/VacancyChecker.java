package org.bianmin.staff;

import org.bianmin.locks.NamedLocks;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.calendar.CalendarService;
import org.bianmin.calendar.WorkingCalendar;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds vacant posts (空岗): during office hours (a working day, not at lunch, not on a holiday) a
 * post whose A and B persons are both absent. Each vacancy is recorded once per post and day as a
 * {@code POST_VACANT} event and a warning task for the supervisors ({@code post-vacancy}). Runs at
 * every absence transition and on a schedule.
 */
@Service
public class VacancyChecker {

    public static final String PROCESS = "post-vacancy";

    private final RosterService roster;
    private final CalendarService calendars;
    private final NamedParameterJdbcTemplate jdbc;
    private final CaseEventRepository events;
    private final RuntimeService runtime;
    private final SystemAuthority system;
    private final StaffDirectory directory;
    private final NamedLocks locks;

    VacancyChecker(RosterService roster, CalendarService calendars, NamedParameterJdbcTemplate jdbc, CaseEventRepository events,
                   RuntimeService runtime, SystemAuthority system, StaffDirectory directory, NamedLocks locks) {
        this.locks = locks;
        this.roster = roster;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.events = events;
        this.runtime = runtime;
        this.system = system;
        this.directory = directory;
    }

    @Scheduled(fixedDelayString = "${bianmin.staff.vacancy-check-interval-ms:300000}",
            initialDelayString = "${bianmin.staff.vacancy-check-interval-ms:300000}")
    public void checkNow() {
        check(ClockUtil.getCurrentTime().toInstant());
    }

    /** Records the posts vacant at the moment that were not recorded yet that day; returns them. */
    @Transactional
    public List<RosterPost> check(Instant now) {
        WorkingCalendar calendar = calendars.calendar();
        List<RosterPost> found = new ArrayList<>();
        if (!calendar.isOfficeTime(now)) {
            return found;
        }
        LocalDate day = LocalDate.ofInstant(now, calendar.zone());
        for (RosterPost post : roster.posts()) {
            if (!roster.isPresent(post.a(), now) && !roster.isPresent(post.b(), now) && firstOfDay(post, day, now)) {
                String details = post.post() + ": A岗 " + directory.name(post.a()) + " 与 B岗 "
                        + directory.name(post.b()) + " 均不在岗, 岗位空缺 / post vacant";
                events.record(CaseEventType.POST_VACANT, null, post.a(), post.window(), now, details);
                String summary = "**岗位空缺**  \n窗口: " + directory.windowName(post.window()) + "  \n岗位: " + post.post()
                        + "  \nA岗: " + directory.name(post.a()) + "  \nB岗: " + directory.name(post.b())
                        + "  \n发现时间: " + HallTime.show(now, calendar.zone()) + "  \n请立即安排人员到岗。";
                system.run(() -> runtime.startProcessInstanceByKey(PROCESS, post.window() + "/" + day, Variables.createVariables()
                        .putValue("window", post.window()).putValue("post", post.post()).putValue("summary", summary)));
                found.add(post);
            }
        }
        return found;
    }

    private boolean firstOfDay(RosterPost post, LocalDate day, Instant now) {
        var params = new MapSqlParameterSource("w", post.window()).addValue("p", post.post()).addValue("d", day)
                .addValue("at", Timestamp.from(now));
        // the periodic check of two nodes, or a check and an absence transition, at the same moment
        locks.lock("vacancy:" + post.window() + ":" + post.post() + ":" + day);
        Integer known = jdbc.queryForObject("select count(*) from post_vacancy where window_group = :w and post = :p and vacancy_day = :d",
                params, Integer.class);
        if (known != null && known > 0) {
            return false;
        }
        jdbc.update("insert into post_vacancy (window_group, post, vacancy_day, detected_at) values (:w, :p, :d, :at)", params);
        return true;
    }
}
