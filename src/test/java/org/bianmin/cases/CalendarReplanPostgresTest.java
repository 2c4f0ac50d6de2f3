package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bianmin.rules.RulePublication;
import org.bianmin.rules.RuleSetService;
import org.bianmin.support.PostgresIntegrationTest;
import org.bianmin.support.RegisteredCases;
import org.bianmin.support.RuleVersions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishing a calendar version re-plans the open cases whose dates it moves, in place: the case's
 * deadline, the same timer job with a new due date, and a timeline entry; a rollback moves them back.
 */
class CalendarReplanPostgresTest extends PostgresIntegrationTest {

    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired RuleSetService rules;
    @Autowired RulePublication publication;
    @Autowired CaseRepository records;
    @Autowired JdbcTemplate jdbc;

    @RegisterExtension
    final RegisteredCases cases = RegisteredCases.eachTestOwnClock(this::send, this::endInstance);
    private int publishedBefore;
    private RuleVersions calendar;

    @BeforeEach
    void setUp() {
        calendar = new RuleVersions(rules, publication, "calendar");
        publishedBefore = calendar.published().version();
    }

    @AfterEach
    void restoreTheCalendar() {
        // before RegisteredCases ends the cases and resets the clock
        if (calendar.published().version() != publishedBefore) {
            calendar.approve(publication.rollback("calendar", publishedBefore, new RulePublication.Submission("测试结束, 恢复日历", null, null),
                    "ruleadmin"));
        }
    }

    @Test
    void anExtraHolidayMovesADecemberDeadlineByOneWorkingDayAndItsRollbackMovesItBack() {
        ClockUtil.setCurrentTime(Date.from(at("2026-12-01T10:00:00+08:00")));
        String caseNumber = cases.registerCivilCase("civil-a", DEMO_PASSWORD, RegisteredCases.idNumber("11010519880808081"),
                "13700008081");
        CaseRecord before = records.find(caseNumber).orElseThrow();
        // MZ-002: 5 working days from Tue Dec 1 -> Tue Dec 8 17:30
        assertThat(before.deadline()).isEqualTo(at("2026-12-08T17:30:00+08:00"));
        Job timer = timer(caseNumber);
        Instant timerDue = timer.getDuedate().toInstant();

        Map<String, String> correction = Map.of("2026.csv", calendar.file("2026.csv") + "2026-12-03,HOLIDAY,测试加放一天\n");
        // the draft's dry run says exactly which open cases move, and by how much
        var report = rules.dryRun("calendar", calendar.files(correction), List.of(), 0);
        assertThat(report.lines()).filteredOn(l -> l.sample().contains(caseNumber)).singleElement().satisfies(line -> {
            assertThat(line.sample()).contains("推迟1天");
            assertThat(line.published()).containsEntry("截止时间", "2026-12-08 17:30");
            assertThat(line.draft()).containsEntry("截止时间", "2026-12-09 17:30");
        });
        calendar.publish(correction, "加放12月3日");

        CaseRecord after = records.find(caseNumber).orElseThrow();
        assertThat(after.deadline()).isEqualTo(at("2026-12-09T17:30:00+08:00"));
        assertThat(after.calendarVersion()).isEqualTo(calendar.published().ruleSet() + "@v" + calendar.published().version());
        Job moved = management.createJobQuery().jobId(timer.getId()).singleResult();
        assertThat(moved).as("the same timer job").isNotNull();
        assertThat(moved.getDuedate().toInstant()).as("moved in place").isAfter(timerDue)
                .isIn(after.warnAt(), after.deadline());
        assertThat(jdbc.queryForList("select details from case_event where case_number = ? and event_type = 'CALENDAR_REPLANNED'",
                String.class, caseNumber)).singleElement().asString().contains("2026年12月8日 17:30 → 2026年12月9日 17:30");

        // the applicant was told Dec 8: the case file offers the acceptance notice again, with Dec 9
        HttpResponse<String> file = get("/api/cases/" + caseNumber, "civil-a", DEMO_PASSWORD);
        assertThat(file.body()).contains("\"action\":\"reissue-acceptance\"");
        assertThat(get("/api/cases/" + caseNumber, "hrss-a", DEMO_PASSWORD).body()).as("not for another window")
                .doesNotContain("reissue-acceptance");
        HttpResponse<String> reissued = send("POST", "/api/cases/" + caseNumber + "/notices/reissue", "{\"type\":\"acceptance\"}",
                "civil-a", DEMO_PASSWORD);
        assertThat(reissued.statusCode()).as(reissued.body()).isEqualTo(201);
        assertThat(reissued.body()).contains("\"sequence\":2");
        assertThat(get("/api/cases/" + caseNumber + "/notices/acceptance?sequence=2", "civil-a", DEMO_PASSWORD, "text/html").body())
                .contains("2026年12月9日 17:30", "因工作日历调整");
        assertThat(get("/api/cases/" + caseNumber, "civil-a", DEMO_PASSWORD).body()).as("once reissued, no longer offered")
                .doesNotContain("reissue-acceptance");
        assertThat(send("POST", "/api/cases/" + caseNumber + "/notices/reissue", "{\"type\":\"receipt\"}", "civil-a",
                DEMO_PASSWORD).statusCode()).isEqualTo(400);

        calendar.approve(publication.rollback("calendar", publishedBefore, new RulePublication.Submission("撤销加放", null, null), "ruleadmin"));
        assertThat(records.find(caseNumber).orElseThrow().deadline()).isEqualTo(before.deadline());
        assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getDuedate().toInstant()).isEqualTo(timerDue);
    }

    @Test
    void theOfficial2027TableReplansACaseCountedOnTheProvisionalYear() {
        ClockUtil.setCurrentTime(Date.from(at("2027-02-02T10:00:00+08:00")));
        String caseNumber = cases.registerCivilCase("civil-a", DEMO_PASSWORD, RegisteredCases.idNumber("11010519880808082"),
                "13700008082");
        // provisional 2027: Feb 5-8 off (除夕 to 初三): 5 working days after Tue Feb 2 are Feb 3, 4, 9, 10, 11
        assertThat(records.find(caseNumber).orElseThrow().deadline()).isEqualTo(at("2027-02-11T17:30:00+08:00"));
        Job timer = timer(caseNumber);
        // wherever the deadline appears, it says it was computed on the statutory holidays alone
        assertThat(cases.read(get("/api/cases/" + caseNumber, "civil-a", DEMO_PASSWORD)).path("sla").path("provisional").asBoolean())
                .isTrue();
        assertThat(get("/api/cases/" + caseNumber + "/notices/acceptance", "civil-a", DEMO_PASSWORD, "text/html").body())
                .contains("暂按法定节假日计算");

        // an official schedule as the State Council might publish it: Feb 5-11 off
        StringBuilder official = new StringBuilder("date,kind,name\n");
        for (int day = 5; day <= 11; day++) {
            official.append("2027-02-").append(String.format("%02d", day)).append(",HOLIDAY,春节\n");
        }
        calendar.publish(Map.of("2027.csv", official.toString()), "2027年放假安排");

        // now Feb 3, 4, 12, 15, 16 -> Tue Feb 16
        assertThat(records.find(caseNumber).orElseThrow().deadline()).isEqualTo(at("2027-02-16T17:30:00+08:00"));
        assertThat(management.createJobQuery().jobId(timer.getId()).singleResult()).isNotNull();
        assertThat(cases.read(get("/api/cases/" + caseNumber, "civil-a", DEMO_PASSWORD)).path("sla").path("provisional").asBoolean())
                .isFalse();
        assertThat(get("/api/calendar/years", "clerk", DEMO_PASSWORD).body()).contains("\"year\":2027,\"source\":\"OFFICIAL\"");
    }

    @Test
    void aWindowThatOpensAtWeekendsCountsItsCasesOnItsOwnDaysAndHours() {
        // Friday Dec 4, 10:00: MZ-002 (民政窗口) has 5 working days -> Fri Dec 11 17:30 on the centre's Monday to Friday
        ClockUtil.setCurrentTime(Date.from(at("2026-12-04T10:00:00+08:00")));
        String caseNumber = cases.registerCivilCase("civil-a", DEMO_PASSWORD, RegisteredCases.idNumber("11010519880808083"),
                "13700008083");
        assertThat(records.find(caseNumber).orElseThrow().deadline()).isEqualTo(at("2026-12-11T17:30:00+08:00"));
        Job timer = timer(caseNumber);
        String hours = calendar.file("office-hours.csv");
        assertThat(hours).startsWith("#").contains("window,days,hours,holidays,basis");
        String weekend = hours + "window-civil,MONDAY;TUESDAY;WEDNESDAY;THURSDAY;FRIDAY;SATURDAY;SUNDAY,\"09:00-12:00,13:00-17:00\","
                + "false,民政窗口周末不打烊(测试)\n";

        // a second row for the same window, hours that do not read and no basis are refused at their cells
        var refused = rules.validate("calendar", calendar.files(Map.of("office-hours.csv", weekend
                + "window-civil,SATURDAY,9点到12点,false,\n")));
        assertThat(refused.valid()).isFalse();
        assertThat(refused.problems()).extracting(p -> p.row() + ":" + p.column() + " " + p.message())
                .anySatisfy(p -> assertThat(p).startsWith("4:1 ").contains("民政窗口重复出现"))
                .anySatisfy(p -> assertThat(p).startsWith("4:3 ").contains("办公时间应写作"))
                .anySatisfy(p -> assertThat(p).startsWith("4:5 ").contains("须注明依据"));

        // the draft's dry run: the open case moves to the 5th day counting the weekend, at the window's close
        var report = rules.dryRun("calendar", calendar.files(Map.of("office-hours.csv", weekend)), List.of(), 0);
        assertThat(report.lines()).filteredOn(l -> l.sample().contains(caseNumber)).singleElement().satisfies(line -> {
            assertThat(line.sample()).contains("提前2天");
            assertThat(line.draft()).containsEntry("截止时间", "2026-12-09 17:00");
        });
        calendar.publish(Map.of("office-hours.csv", weekend), "民政窗口周末不打烊");

        // Sat 5, Sun 6, Mon 7, Tue 8, Wed 9: the running case, its timer (same job) and a new case agree
        assertThat(records.find(caseNumber).orElseThrow().deadline()).isEqualTo(at("2026-12-09T17:00:00+08:00"));
        assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getDuedate().toInstant())
                .isIn(records.find(caseNumber).orElseThrow().warnAt(), at("2026-12-09T17:00:00+08:00"));
        String later = cases.registerCivilCase("civil-a", DEMO_PASSWORD, RegisteredCases.idNumber("11010519880808084"), "13700008084");
        assertThat(records.find(later).orElseThrow().deadline()).isEqualTo(at("2026-12-09T17:00:00+08:00"));
        String from = "from=2026-12-04T10:00:00%2B08:00&workingDays=5";
        assertThat(get("/api/calendar/deadline?" + from + "&window=window-civil", "clerk", DEMO_PASSWORD).body())
                .contains("\"deadline\":\"2026-12-09T17:00:00+08:00\"");
        assertThat(get("/api/calendar/deadline?" + from, "clerk", DEMO_PASSWORD).body()).as("the other windows keep the centre's days")
                .contains("\"deadline\":\"2026-12-11T17:30:00+08:00\"");
    }

    /** The waiting timer of the case's SLA watch. */
    private Job timer(String caseNumber) {
        List<Job> timers = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                .flatMap(i -> management.createJobQuery().processInstanceId(i.getId()).timers().list().stream())
                .filter(j -> j.getDuedate() != null).collect(Collectors.toList());
        CaseRecord c = records.find(caseNumber).orElseThrow();
        return timers.stream().filter(j -> j.getDuedate().toInstant().equals(c.warnAt()) || j.getDuedate().toInstant().equals(c.deadline()))
                .findFirst().orElseThrow(() -> new AssertionError("no SLA timer among " + timers));
    }

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
