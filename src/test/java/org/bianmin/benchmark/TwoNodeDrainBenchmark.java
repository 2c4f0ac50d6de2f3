package org.bianmin.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.bianmin.cases.CaseProcesses;
import org.bianmin.cases.CaseRegistrationService;
import org.bianmin.cases.RegistrationRequest;
import org.bianmin.privacy.PersonalData;
import org.bianmin.support.BianminProcess;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes share one drain (issue 18): {@code CASES} SJ-002 applications received by post 40 days
 * ago are registered now on node 1 (so their SLA timers are past due), with the root's timers
 * suspended; a second Bianmin JVM (node 2) joins on the same database, the timers are released
 * at once, and both job executors work them off. Measured: time to the last, how the jobs split
 * between the nodes (the job log's host name), and that each case got one overdue event. Real
 * time, no clock moved: the second JVM has a clock of its own.
 *
 * <pre>mvn -B -Pbenchmark test -Dtest=TwoNodeDrainBenchmark</pre>
 */
@Tag("benchmark")
class TwoNodeDrainBenchmark {

    static final int CASES = Integer.getInteger("benchmark.twonode.cases", 2_000);
    static final List<String> SJ_002 = List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES");
    static final String DATABASE = "bianmin_twonode";

    static BenchmarkApplication bench;

    @BeforeAll
    static void boot() throws IOException {
        bench = BenchmarkApplication.start(DATABASE, "--camunda.bpm.generic-properties.properties.hostname=node-1");
    }

    @AfterAll
    static void shutDown() throws IOException {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void twoNodesShareTheDrainAndEachTimerFiresOnce() throws Exception {
        JdbcTemplate jdbc = bench.bean(JdbcTemplate.class);
        ManagementService management = bench.bean(ManagementService.class);
        management.suspendJobDefinitionByProcessDefinitionKey(CaseProcesses.ROOT, true);
        CaseRegistrationService registration = bench.bean(CaseRegistrationService.class);
        String receivedAt = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(40).withNano(0).toString();
        String idNumber = "11010519900307123" + PersonalData.checkCharacter("11010519900307123");
        for (int i = 0; i < CASES; i++) {
            registration.register(new RegistrationRequest("SJ-002", new RegistrationRequest.ApplicantInput("赵小满", idNumber,
                    "13800138000", "小满餐饮店"), SJ_002, true, false, false, false, receivedAt, null, null, null, null), "clerk");
        }
        String jdbcUrl = "jdbc:postgresql://localhost:" + bench.postgres.getPort() + "/" + DATABASE;
        StringBuilder report = new StringBuilder("## Two nodes sharing a drain, run of ")
                .append(OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0))
                .append("\n\n- command: `mvn -B -Pbenchmark test -Dtest=TwoNodeDrainBenchmark`")
                .append(CASES == 2_000 ? "" : " with `-Dbenchmark.twonode.cases=" + CASES + "`").append("\n")
                .append("- CPUs (nproc): ").append(Runtime.getRuntime().availableProcessors())
                .append(", shared by both nodes and PostgreSQL; load average at the start: ").append(BenchmarkApplication.loadAverage())
                .append("\n");
        try (BianminProcess second = new BianminProcess("drain-node-2", jdbcUrl,
                "--camunda.bpm.generic-properties.properties.hostname=node-2").start(Duration.ofMinutes(4))) {
            String due = "select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())";
            long released = System.nanoTime();
            management.activateJobDefinitionByProcessDefinitionKey(CaseProcesses.ROOT, true);
            int peak = jdbc.queryForObject(due, Integer.class);
            long deadline = released + TimeUnit.MINUTES.toNanos(20);
            int left;
            do {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
                left = jdbc.queryForObject(due, Integer.class);
            } while (left > 0 && System.nanoTime() < deadline);
            double seconds = (System.nanoTime() - released) / 1e9;
            List<Map<String, Object>> split = jdbc.queryForList("select hostname_ as node, count(*) as jobs from act_hi_job_log"
                    + " where job_state_ = 2 and act_id_ in ('warningTime', 'deadlineTime') group by hostname_ order by hostname_");
            int overdue = jdbc.queryForObject("select count(*) from case_event where event_type = 'CASE_OVERDUE'", Integer.class);
            int cases = jdbc.queryForObject("select count(distinct case_number) from case_event where event_type = 'CASE_OVERDUE'",
                    Integer.class);
            int failed = jdbc.queryForObject("select count(*) from act_ru_job where retries_ = 0", Integer.class);
            List<String> parts = new ArrayList<>();
            split.forEach(row -> parts.add(row.get("node") + ": " + row.get("jobs")));
            report.append(String.format(Locale.ROOT, "- %d cases, %d SLA timer jobs due at once when released; %s after **%.1f s** "
                            + "(both executors idle up to 10 s first)%n", CASES, peak,
                    left == 0 ? "none left" : left + " still due", seconds))
                    .append("- SLA timer jobs executed, by node: ").append(String.join(", ", parts)).append("\n")
                    .append(String.format(Locale.ROOT, "- exactly once: %d CASE_OVERDUE events for %d cases; failed jobs %d%n",
                            overdue, cases, failed))
                    .append("- load average at the end: ").append(BenchmarkApplication.loadAverage()).append("\n");
        }
        Path out = Path.of("target", "benchmark", "two-node-drain.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
    }
}
