package org.bianmin.supervision;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bianmin.assessment.AssessmentService;
import org.bianmin.calendar.CalendarService;
import org.bianmin.evaluations.EvaluationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The supervisor dashboard's figures: on-time completion per window and month, overdue cases per
 * week, the latest assessment ranking, and open accountability records per window.
 */
@Service
public class DashboardService {

    /**
     * {@code overduePerWeek}: cases whose deadline fell in the week (Monday first) and that were not
     * ended by it, whenever that was noticed; {@code satisfaction}: 好差评 of the last month shown.
     */
    public record Dashboard(List<String> months, Map<String, List<Double>> onTimeRateByWindow, List<String> weeks,
                            List<Integer> overduePerWeek, String rankingMonth, List<WindowScore> ranking,
                            Map<String, Integer> openAccountabilityByWindow, Map<String, String> windowNames,
                            List<EvaluationService.Satisfaction> satisfaction) {
    }

    /** A window's score in the ranking month, as the assessment sheet ranks it. */
    public record WindowScore(String window, double score) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final IdentityService identity;
    private final AssessmentService assessments;
    private final ZoneId zone;
    private final EvaluationService evaluations;

    public DashboardService(NamedParameterJdbcTemplate jdbc, IdentityService identity, AssessmentService assessments,
                            CalendarService calendars, EvaluationService evaluations) {
        this.evaluations = evaluations;
        this.jdbc = jdbc;
        this.identity = identity;
        this.assessments = assessments;
        this.zone = calendars.calendar().zone();
    }

    /** The months up to the current one. */
    public Dashboard dashboard(int monthCount) {
        return dashboard(monthCount, null);
    }

    /** The {@code monthCount} months that end with {@code last} (the current month when null). */
    public Dashboard dashboard(int monthCount, YearMonth last) {
        Instant clock = ClockUtil.getCurrentTime().toInstant();
        YearMonth current = last == null ? YearMonth.from(clock.atZone(zone)) : last;
        Instant end = current.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant now = clock.isBefore(end) ? clock : end;
        List<String> months = new ArrayList<>();
        for (int i = monthCount - 1; i >= 0; i--) {
            months.add(current.minusMonths(i).toString());
        }
        Instant from = current.minusMonths(monthCount - 1L).atDay(1).atStartOfDay(zone).toInstant();

        // cases ended with a deadline: met if ended by it
        Map<String, Map<String, int[]>> counts = new TreeMap<>();
        jdbc.query("""
                select window_group, ended_at, deadline from case_record
                where ended_at >= :from and ended_at < :end and deadline is not null and state in ('COMPLETED', 'REJECTED')""",
                new MapSqlParameterSource("from", Timestamp.from(from)).addValue("end", Timestamp.from(end)), rs -> {
                    String month = YearMonth.from(rs.getTimestamp("ended_at").toInstant().atZone(zone)).toString();
                    int[] c = counts.computeIfAbsent(rs.getString("window_group"), k -> new TreeMap<>())
                            .computeIfAbsent(month, k -> new int[2]);
                    c[1]++;
                    if (!rs.getTimestamp("ended_at").after(rs.getTimestamp("deadline"))) {
                        c[0]++;
                    }
                });
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        counts.forEach((window, byMonth) -> rates.put(window, months.stream().map(m -> {
            int[] c = byMonth.get(m);
            return c == null || c[1] == 0 ? null : Math.round(1000.0 * c[0] / c[1]) / 10.0;
        }).toList()));

        // overdue events per ISO week (Monday) over the same span
        LocalDate firstMonday = from.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<LocalDate, Integer> weekly = new TreeMap<>();
        for (LocalDate w = firstMonday; !w.isAfter(now.atZone(zone).toLocalDate()); w = w.plusWeeks(1)) {
            weekly.put(w, 0);
        }
        // by the week of the deadline a case missed (ended after it, or still open past it), not when the timer noticed
        jdbc.query("""
                select deadline from case_record where deadline >= :from and deadline < :now
                  and (ended_at > deadline or (ended_at is null and state = 'IN_PROGRESS'))""",
                new MapSqlParameterSource("from", Timestamp.from(firstMonday.atStartOfDay(zone).toInstant()))
                        .addValue("now", Timestamp.from(now)), rs -> {
                    LocalDate monday = rs.getTimestamp("deadline").toInstant().atZone(zone).toLocalDate()
                            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    weekly.merge(monday, 1, Integer::sum);
                });

        // the latest computed assessment month's ranking
        List<String> assessed = jdbc.queryForList("""
                select assessed_month from assessment_month where assessed_month <= :last order by assessed_month desc""",
                new MapSqlParameterSource("last", current.toString()), String.class);
        String rankingMonth = assessed.isEmpty() ? null : assessed.get(0);
        List<WindowScore> ranking = rankingMonth == null ? List.of() : assessments.sheet(YearMonth.parse(rankingMonth)).windows()
                .stream().map(w -> new WindowScore(w.window(), w.score().doubleValue())).toList();

        Map<String, Integer> open = new TreeMap<>();
        jdbc.query("select window_group, count(*) n from accountability_record where state = 'PROPOSED' group by window_group",
                new MapSqlParameterSource(), rs -> {
                    open.put(rs.getString("window_group") == null ? "-" : rs.getString("window_group"), rs.getInt("n"));
                });

        Map<String, String> names = new TreeMap<>();
        for (Group g : identity.createGroupQuery().list()) {
            names.put(g.getId(), g.getName() == null ? g.getId() : g.getName());
        }
        return new Dashboard(months, rates, weekly.keySet().stream().map(LocalDate::toString).toList(),
                List.copyOf(weekly.values()), rankingMonth, ranking, open, names, evaluations.satisfaction(current));
    }
}
