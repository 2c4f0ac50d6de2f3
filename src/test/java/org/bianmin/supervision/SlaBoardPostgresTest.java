package org.bianmin.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bianmin.catalogue.CaseType;
import org.bianmin.cases.CaseState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 parts 3 and 4, REST side: the time-limit board ({@code GET /api/supervision/sla-board}),
 * a case's escalation history and the dashboard data, for supervisors and directors only. Other
 * tests share the database, so counts are compared before and after this test's cases, at the same
 * engine clock.
 */
class SlaBoardPostgresTest extends SupervisionTestSupport {

    /** A Wednesday no other test uses. */
    static final LocalDate DAY = LocalDate.of(2026, 3, 18);
    static final String BOARD = "/api/supervision/sla-board";
    static final String DASHBOARD = "/api/supervision/dashboard";

    @Test
    void onlySupervisorsAndDirectorsReadTheBoardTheHistoryAndTheDashboard() {
        for (String path : List.of(BOARD, DASHBOARD, "/api/supervision/cases/BM20260318-0001/escalations")) {
            assertThat(get(path, null, null).statusCode()).as("anonymous %s", path).isEqualTo(401);
            for (String refused : List.of(CLERK, "market-a", "ruleadmin")) {
                JsonNode error = getJson(path, refused, 403);
                assertThat(error.path("message").asText()).as("%s %s", refused, path).isNotBlank();
            }
            getJson(path, SUPERVISOR);
            getJson(path, DIRECTOR);
            // the system administrator (camunda-admin) may do everything
            getJson(path, "admin");
        }
        // the dashboard's months are bounded
        clock(at(DAY, "10:00"));
        assertThat(getJson(DASHBOARD + "?months=3", SUPERVISOR).path("months")).hasSize(3);
        assertThat(getJson(DASHBOARD + "?months=100", SUPERVISOR).path("months")).hasSize(24);
        assertThat(getJson(DASHBOARD + "?months=0", SUPERVISOR).path("months")).hasSize(1);
    }

    @Test
    void boardCountsTheCasesByStateListsThoseAtRiskAndShowsTheirEscalations() {
        clock(at(DAY, "10:50"));
        JsonNode before = getJson(BOARD, SUPERVISOR);
        JsonNode dashboardBefore = getJson(DASHBOARD, SUPERVISOR);
        AtRiskCases c = atRiskCases(DAY);
        Task late = openTask(c.overdue(), "handleOnTheSpot");
        tasks.claim(late.getId(), CLERK);
        CaseType pausedType = record(c.paused()).caseType();

        JsonNode board = getJson(BOARD, DIRECTOR);
        assertThat(OffsetDateTime.parse(board.path("at").asText())).isEqualTo(OffsetDateTime.parse("2026-03-18T10:50+08:00"));
        assertThat(board.path("at").asText()).endsWith("+08:00");
        // totals, per window and per case type: one more in each state
        assertThat(delta(before.path("totals"), board.path("totals"), "ON_TIME", "WARNING", "OVERDUE", "PAUSED"))
                .containsExactly(1, 1, 1, 1);
        assertThat(delta(row(before, "byWindow", MARKET), row(board, "byWindow", MARKET))).containsExactly(1, 1, 1, 1);
        assertThat(row(board, "byWindow", MARKET).path("name").asText()).isEqualTo("市场监管窗口");
        for (JsonNode window : board.path("byWindow")) {
            if (!window.path("key").asText().equals(MARKET)) {
                assertThat(delta(row(before, "byWindow", window.path("key").asText()), window))
                        .as("window %s", window.path("key").asText()).containsExactly(0, 0, 0, 0);
            }
        }
        assertThat(board.path("byCaseType")).extracting(t -> t.path("key").asText())
                .containsExactly("IMMEDIATE", "COMMITTED", "FORWARDED", "JOINT", "PETITION");
        for (CaseType type : CaseType.values()) {
            int[] expected = {type == CaseType.COMMITTED ? 1 : 0, type == CaseType.IMMEDIATE ? 1 : 0,
                    type == CaseType.IMMEDIATE ? 1 : 0, type == pausedType ? 1 : 0};
            JsonNode now = row(board, "byCaseType", type.name());
            assertThat(now.path("name").asText()).isEqualTo(type.label());
            assertThat(delta(row(before, "byCaseType", type.name()), now)).as("case type %s", type)
                    .containsExactly(expected[0], expected[1], expected[2], expected[3]);
        }

        // the list: the overdue and the warned case, not the others, by deadline
        JsonNode atRisk = board.path("atRisk");
        List<String> listed = new ArrayList<>();
        List<Instant> deadlines = new ArrayList<>();
        atRisk.forEach(r -> {
            listed.add(r.path("caseNumber").asText());
            deadlines.add(OffsetDateTime.parse(r.path("deadline").asText()).toInstant());
        });
        assertThat(listed).contains(c.overdue(), c.warning()).doesNotContain(c.onTime(), c.paused());
        assertThat(deadlines).isSorted();
        JsonNode overdue = find(atRisk, c.overdue());
        assertThat(overdue.path("state").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.path("itemName").asText()).isEqualTo("个体工商户设立登记");
        assertThat(overdue.path("window").asText()).isEqualTo(MARKET);
        assertThat(overdue.path("windowName").asText()).isEqualTo("市场监管窗口");
        assertThat(overdue.path("caseType").asText()).isEqualTo("IMMEDIATE");
        assertThat(overdue.path("processInstanceId").asText()).isEqualTo(rootInstance(c.overdue()).getId());
        assertThat(overdue.path("assignees")).extracting(JsonNode::asText).containsExactly(CLERK);
        assertThat(OffsetDateTime.parse(overdue.path("deadline").asText())).isEqualTo(OffsetDateTime.parse("2026-03-18T10:30+08:00"));
        assertThat(overdue.path("workingMinutesOverdue").asLong()).isEqualTo(20);
        JsonNode warned = find(atRisk, c.warning());
        assertThat(warned.path("state").asText()).isEqualTo("WARNING");
        assertThat(warned.path("workingMinutesOverdue").asLong()).isZero();
        assertThat(warned.path("assignees")).isEmpty();
        assertThat(warned.path("processInstanceId").asText()).isEqualTo(rootInstance(c.warning()).getId());

        // the escalation history of each
        JsonNode history = getJson("/api/supervision/cases/" + c.overdue() + "/escalations", SUPERVISOR);
        assertThat(history).extracting(e -> e.path("type").asText()).containsExactly("CASE_WARNING", "CASE_OVERDUE");
        assertThat(OffsetDateTime.parse(history.get(0).path("occurredAt").asText()).toInstant()).isEqualTo(at(DAY, "10:20"));
        assertThat(OffsetDateTime.parse(history.get(1).path("occurredAt").asText()).toInstant()).isEqualTo(at(DAY, "10:31"));
        // in words, as the Cockpit board shows it
        assertThat(history).extracting(e -> e.path("label").asText()).containsExactly("时限预警", "超期办件");
        assertThat(history.get(1).path("note").asText()).isEqualTo("未延期, 未出具滞办告知");
        assertThat(history.get(1).path("staffName").isNull()).as("nobody held the case's task").isTrue();
        assertThat(getJson("/api/supervision/cases/" + c.warning() + "/escalations", DIRECTOR))
                .extracting(e -> e.path("type").asText()).containsExactly("CASE_WARNING");
        assertThat(getJson("/api/supervision/cases/" + c.onTime() + "/escalations", SUPERVISOR)).isEmpty();

        // the dashboard's week of DAY has one more overdue case
        JsonNode dashboard = getJson(DASHBOARD, SUPERVISOR);
        assertThat(week(dashboard, "2026-03-16") - week(dashboardBefore, "2026-03-16")).isEqualTo(1);

        // the next morning: working time overdue is counted on the calendar (no lunch break, no night)
        clock(at(DAY.plusDays(1), "09:00"));
        JsonNode nextDay = getJson(BOARD, SUPERVISOR);
        Instant now = at(DAY.plusDays(1), "09:00");
        long lateMinutes = find(nextDay.path("atRisk"), c.overdue()).path("workingMinutesOverdue").asLong();
        assertThat(lateMinutes).as("10:30-12:00, 13:30-17:30, 08:30-09:00").isEqualTo(90 + 240 + 30)
                .isEqualTo(calendars.calendar().workingMinutesBetween(at(DAY, "10:30"), now));
        JsonNode nowLate = find(nextDay.path("atRisk"), c.warning());
        assertThat(nowLate.path("state").asText()).isEqualTo("OVERDUE");
        assertThat(nowLate.path("workingMinutesOverdue").asLong()).isEqualTo(65 + 240 + 30);
    }

    @Test
    void dashboardCountsACaseCompletedOnTimeInItsWindowsRateForTheMonth() {
        clock(at(DAY, "14:00"));
        int[] monthBefore = endedInMarch();
        JsonNode before = getJson(DASHBOARD, SUPERVISOR);
        String caseNumber = register("SJ-001", SJ_001);
        clock(at(DAY, "14:10"));
        completeAs(CLERK, openTask(caseNumber, "handleOnTheSpot"), Map.of("approved", "true", "handlingNote", "当场核准登记"));
        assertThat(record(caseNumber).state()).isEqualTo(CaseState.COMPLETED);
        int[] monthAfter = endedInMarch();
        assertThat(monthAfter[0] - monthBefore[0]).as("on time").isEqualTo(1);
        assertThat(monthAfter[1] - monthBefore[1]).as("ended").isEqualTo(1);

        JsonNode dashboard = getJson(DASHBOARD, DIRECTOR);
        assertThat(dashboard.path("months")).extracting(JsonNode::asText)
                .containsExactly("2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03");
        JsonNode rates = dashboard.path("onTimeRateByWindow").path(MARKET);
        assertThat(rates).hasSize(6);
        assertThat(rates.get(5).asDouble()).isEqualTo(Math.round(1000.0 * monthAfter[0] / monthAfter[1]) / 10.0);
        if (monthBefore[1] == 0) {
            JsonNode rateBefore = before.path("onTimeRateByWindow").path(MARKET).path(5);
            assertThat(rateBefore.isNull() || rateBefore.isMissingNode()).as("no rate yet: %s", rateBefore).isTrue();
            assertThat(rates.get(5).asDouble()).isEqualTo(100.0);
        }
        assertThat(dashboard.path("windowNames").path(MARKET).asText()).isEqualTo("市场监管窗口");
        // weeks: Mondays from the first month's to DAY's, one count each
        List<String> weeks = new ArrayList<>();
        dashboard.path("weeks").forEach(w -> weeks.add(w.asText()));
        assertThat(weeks).isSorted().allSatisfy(w -> assertThat(LocalDate.parse(w).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
        assertThat(weeks.get(0)).isEqualTo("2025-09-29");
        // every week up to DAY's (weeks after it appear only with events later than the clock, i.e. other tests')
        int current = weeks.indexOf("2026-03-16");
        for (int i = 1; i <= current; i++) {
            assertThat(LocalDate.parse(weeks.get(i))).isEqualTo(LocalDate.parse(weeks.get(i - 1)).plusWeeks(1));
        }
        assertThat(current).isEqualTo(24);
        assertThat(dashboard.path("overduePerWeek")).hasSize(weeks.size());
        assertThat(dashboard.path("ranking").isArray()).isTrue();
        assertThat(dashboard.path("openAccountabilityByWindow").isObject()).isTrue();
        assertThat(dashboard.has("rankingMonth")).isTrue();
        assertThat(dashboard.path("satisfaction").isArray()).isTrue();

        // the month picker: six months up to February, the cases of March not in them
        JsonNode february = getJson("/api/supervision/dashboard?months=6&month=2026-02", DIRECTOR);
        assertThat(february.path("months")).extracting(JsonNode::asText)
                .containsExactly("2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02");
        assertThat(february.path("weeks")).extracting(JsonNode::asText).doesNotContain("2026-03-16");
        assertThat(get("/api/supervision/dashboard?month=2026-13", DIRECTOR, DEMO_PASSWORD).statusCode()).isEqualTo(400);
    }

    // ---------------------------------------------------------------- helpers

    /** On time and ended cases of window-market in March 2026, as the dashboard counts them. */
    private int[] endedInMarch() {
        return jdbc.queryForObject("""
                select count(*) filter (where ended_at <= deadline), count(*) from case_record
                where window_group = ? and deadline is not null and state in ('COMPLETED', 'REJECTED')
                  and ended_at >= ? and ended_at < ?""", (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)},
                MARKET, java.sql.Timestamp.from(at(LocalDate.of(2026, 3, 1), "00:00")),
                java.sql.Timestamp.from(at(LocalDate.of(2026, 4, 1), "00:00")));
    }

    private static int week(JsonNode dashboard, String monday) {
        JsonNode weeks = dashboard.path("weeks");
        for (int i = 0; i < weeks.size(); i++) {
            if (weeks.get(i).asText().equals(monday)) {
                return dashboard.path("overduePerWeek").get(i).asInt();
            }
        }
        throw new AssertionError("no week " + monday + " in " + weeks);
    }

    private static JsonNode find(JsonNode atRisk, String caseNumber) {
        for (JsonNode r : atRisk) {
            if (r.path("caseNumber").asText().equals(caseNumber)) {
                return r;
            }
        }
        throw new AssertionError(caseNumber + " not listed in " + atRisk);
    }

    /** A count row of the board by key; a missing row counts zero. */
    private JsonNode row(JsonNode board, String list, String key) {
        for (JsonNode r : board.path(list)) {
            if (r.path("key").asText().equals(key)) {
                return r;
            }
        }
        return read("{\"key\": \"" + key + "\", \"onTime\": 0, \"warning\": 0, \"overdue\": 0, \"paused\": 0}");
    }

    private static List<Integer> delta(JsonNode before, JsonNode after) {
        return delta(before, after, "onTime", "warning", "overdue", "paused");
    }

    private static List<Integer> delta(JsonNode before, JsonNode after, String... fields) {
        List<Integer> d = new ArrayList<>();
        for (String f : fields) {
            d.add(after.path(f).asInt() - before.path(f).asInt());
        }
        return d;
    }
}
