package org.bianmin.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bianmin.cases.CaseRegistrationService;
import org.bianmin.cases.RegistrationRequest;
import org.bianmin.privacy.PersonalData;
import org.bianmin.retention.EngineHistoryRetention;
import org.bianmin.supervision.SupervisionOrders;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a case leaves in the database (issue 18): for each kind of case, {@code CASES} cases run
 * through the services from registration to their end; the engine's tables and ours are measured
 * before and after (live size after {@code VACUUM FULL}, so dead row versions do not count), per
 * case; then the clock moves past the retention of the hall-duty rule {@code engine-history.retention}
 * and the engine's history cleanup runs: what stays of the engine's history. The job executor is
 * stopped: every timer of the overdue cases is executed here.
 *
 * <pre>mvn -B -Pbenchmark test -Dtest=HistoryStorageBenchmark</pre>
 */
@Tag("benchmark")
class HistoryStorageBenchmark {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = LocalDateTime.parse("2026-11-18T10:00").atZone(SHANGHAI).toInstant();
    static final int CASES = Integer.getInteger("benchmark.history.cases", 200);
    static final List<String> SJ_002 = List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES");
    static final List<String> RS_001 = List.of("ID_CARD", "REGISTRATION_FORM");
    static final String ID_NUMBER = "11010519900307123" + PersonalData.checkCharacter("11010519900307123");

    static BenchmarkApplication bench;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void boot() throws IOException {
        // -Dbenchmark.history.settings="--name=value ..." tries other settings
        List<String> settings = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=false"));
        String more = System.getProperty("benchmark.history.settings", "").strip();
        if (!more.isEmpty()) {
            settings.addAll(List.of(more.split("\\s+")));
        }
        bench = BenchmarkApplication.start("bianmin_history", settings.toArray(String[]::new));
        jdbc = bench.bean(JdbcTemplate.class);
    }

    @AfterAll
    static void shutDown() throws IOException {
        ClockUtil.reset();
        if (bench != null) {
            bench.close();
        }
    }

    record Size(long rows, long bytes) {
    }

    @Test
    void storagePerCaseAndAfterTheHistoryCleanup() throws Exception {
        ClockUtil.setCurrentTime(Date.from(NOW));
        StringBuilder report = new StringBuilder("## History and storage, run of ").append(OffsetDateTime.now(SHANGHAI).withNano(0))
                .append("\n\n- command: `mvn -B -Pbenchmark test -Dtest=HistoryStorageBenchmark`")
                .append(CASES == 200 ? "" : " with `-Dbenchmark.history.cases=" + CASES + "`").append("\n")
                .append("- ").append(CASES).append(" cases of each kind, run from registration to their end through the services; sizes ")
                .append("after `VACUUM FULL` (live rows and their indexes), per case\n\n")
                .append("| kind of case | engine history rows | engine history kB | engine runtime rows left | Bianmin rows | Bianmin kB |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        Map<String, Runnable> kinds = new LinkedHashMap<>();
        kinds.put("即办件 RS-001, handled at the window", HistoryStorageBenchmark::immediateCase);
        kinds.put("承诺件 SJ-002, on time (移交, 审核, 审批)", () -> committedCase(false));
        kinds.put("承诺件 SJ-002, overdue (warning, overdue, 督办单 and its reply)", () -> committedCase(true));
        // the 问责 record an overdue proposes is the person's, not the case's (business key ACC-n): its review on its own
        kinds.put("问责 record of an overdue case above, statement period passed, reviewed", HistoryStorageBenchmark::accountabilityReview);
        double worst = 0;
        Map<String, Map<String, Long>> activities = new LinkedHashMap<>();
        for (Map.Entry<String, Runnable> kind : kinds.entrySet()) {
            Map<String, Size> before = sizes();
            Map<String, Long> activitiesBefore = activityCounts(Map.of());
            for (int i = 0; i < CASES; i++) {
                kind.getValue().run();
            }
            Map<String, Size> after = sizes();
            activities.put(kind.getKey(), activityCounts(activitiesBefore));
            Size history = delta(before, after, "act_hi_", true);
            Size bytearrays = delta(before, after, "act_ge_bytearray", true);
            Size runtime = delta(before, after, "act_ru_", true);
            Size ours = delta(before, after, "act_", false);
            double historyKb = (history.bytes() + bytearrays.bytes()) / 1024.0 / CASES;
            worst = Math.max(worst, historyKb);
            report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n", kind.getKey(),
                    (history.rows() + bytearrays.rows()) / (double) CASES, historyKb, runtime.rows() / (double) CASES,
                    ours.rows() / (double) CASES, ours.bytes() / 1024.0 / CASES));
        }
        report.append("\nBy engine table, all ").append(3 * CASES).append(" cases and ").append(CASES).append(" reviews (rows, kB):\n\n");
        Map<String, Size> all = sizes();
        all.forEach((table, size) -> {
            if (table.startsWith("act_hi_") && size.rows() > 0) {
                report.append("- `").append(table).append("`: ").append(size.rows()).append(" rows, ").append(size.bytes() / 1024).append(" kB\n");
            }
        });

        report.append("\nEngine runtime rows left after all of them: ");
        all.forEach((table, size) -> {
            if (table.startsWith("act_ru_") && size.rows() > 0) {
                report.append("`").append(table).append("` ").append(size.rows()).append(" ");
            }
        });
        report.append("\n\nActivity instances per case, by process and activity:\n\n");
        activities.forEach((kind, counts) -> report.append("- ").append(kind).append(": ").append(counts.entrySet().stream()
                .map(count -> String.format(Locale.ROOT, "%s %.1f", count.getKey(), count.getValue() / (double) CASES))
                .collect(java.util.stream.Collectors.joining(", "))).append("\n"));

        int days = bench.bean(EngineHistoryRetention.class).days();
        long historicBefore = count("select count(*) from act_hi_procinst");
        long cleanupStart = System.nanoTime();
        int rounds = cleanUpAt(NOW.plus(Duration.ofDays(days + 60)));
        double cleanupSeconds = (System.nanoTime() - cleanupStart) / 1e9;
        long historicAfter = count("select count(*) from act_hi_procinst where end_time_ is not null");
        long running = count("select count(*) from act_hi_procinst where end_time_ is null");
        Size left = delta(Map.of(), sizes(), "act_hi_", true);
        report.append(String.format(Locale.ROOT, "%n- retention (rule `engine-history.retention`): %d days; the clock moved %d days on and "
                        + "the history cleanup ran (%d rounds of its job, %.1f s): historic process instances %d → %d ended (%d still "
                        + "running, their history stays), %d rows left in all `act_hi_*` tables%n", days, days + 60, rounds,
                cleanupSeconds, historicBefore, historicAfter, running, left.rows()))
                .append(String.format(Locale.ROOT, "- projection at 1 000 000 ended cases, the worst kind above: %.1f GB of engine "
                        + "history if all were within the retention; after it, none%n", worst * 1_000_000 / 1024 / 1024));
        Path out = Path.of("target", "benchmark", "history-storage.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
    }

    // ------------------------------------------------------------------ kinds of case

    static void immediateCase() {
        String caseNumber = register("RS-001", RS_001);
        complete(caseNumber, "handleOnTheSpot", "clerk", Map.of("approved", "true", "handlingNote", "当场办结"));
        ended(caseNumber);
    }

    static void committedCase(boolean overdue) {
        ClockUtil.setCurrentTime(Date.from(NOW));
        String caseNumber = register("SJ-002", SJ_002);
        complete(caseNumber, "handOver", "clerk", Map.of("handlingNote", "已移交市场监管所"));
        if (overdue) {
            ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(30))));
            fireDueTimers(caseNumber);
            complete(caseNumber, "superviseOverdue", "supervisor", Map.of("handlingNote", "请于两日内办结", "orderTo", "market-a",
                    "replyDays", 2L));
            long order = count("select max(id) from supervision_order where case_number = '" + caseNumber + "'");
            bench.bean(SupervisionOrders.class).reply(order, "已加快审核", "market-a", false);
        }
        complete(caseNumber, "review", "market-a", Map.of("reviewOutcome", "PASS", "handlingNote", "材料齐全"));
        complete(caseNumber, "decide", "director", Map.of("approved", "true", "handlingNote", "准予许可"));
        ended(caseNumber);
    }

    /** The review of one proposed 问责 record left by the overdue cases: the statement period passes, a supervisor confirms. */
    static void accountabilityReview() {
        Long id = jdbc.queryForObject("select min(id) from accountability_record where state = 'PROPOSED'", Long.class);
        if (id == null) {
            throw new IllegalStateException("no proposed accountability record left to review");
        }
        String review = "ACC-" + id;
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(40))));
        fireDueTimers(review);
        complete(review, "reviewRecord", "supervisor", Map.of("confirmed", "true", "reason", "情况属实"));
        ended(review);
    }

    // ------------------------------------------------------------------ helpers

    static String register(String item, List<String> materials) {
        return bench.bean(CaseRegistrationService.class).register(new RegistrationRequest(item,
                new RegistrationRequest.ApplicantInput("赵小满", ID_NUMBER, "13800138000", "小满餐饮店"), materials, true, false, false,
                false, null, null, null), "clerk").caseNumber();
    }

    static void complete(String caseNumber, String taskKey, String user, Map<String, Object> variables) {
        Task task = tasks().createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new IllegalStateException("no open task " + taskKey + " of " + caseNumber);
        }
        completeTask(task, user, variables);
    }

    static void completeTask(Task task, String user, Map<String, Object> variables) {
        IdentityService identity = bench.bean(IdentityService.class);
        identity.setAuthentication(user, ThroughputBenchmark.groupsOf(identity, user));
        try {
            tasks().complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    static void fireDueTimers(String caseNumber) {
        ManagementService management = bench.bean(ManagementService.class);
        RuntimeService runtime = bench.bean(RuntimeService.class);
        for (int round = 0; round < 10; round++) {
            List<Job> due = new ArrayList<>();
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(instance -> due.addAll(
                    management.createJobQuery().processInstanceId(instance.getId()).executable().list()));
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    static void ended(String caseNumber) {
        long running = bench.bean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count();
        if (running > 0) {
            throw new IllegalStateException(caseNumber + " still has " + running + " running instances: "
                    + tasks().createTaskQuery().processInstanceBusinessKey(caseNumber).list().stream().map(Task::getTaskDefinitionKey).toList());
        }
    }

    static TaskService tasks() {
        return bench.bean(TaskService.class);
    }

    static int cleanUpAt(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        HistoryService history = bench.bean(HistoryService.class);
        ManagementService management = bench.bean(ManagementService.class);
        int rounds = 0;
        while (rounds < 10_000) {
            Job job = history.cleanUpHistoryAsync(true);
            rounds++;
            try {
                management.executeJob(job.getId());
            } catch (OptimisticLockingException retry) {
                continue;
            }
            if (management.createJobQuery().jobId(job.getId()).singleResult().getDuedate().toInstant().isAfter(at)) {
                break;
            }
        }
        return rounds;
    }

    /** Rows and live bytes of every table of the schema, after VACUUM FULL. */
    static Map<String, Size> sizes() {
        Map<String, Size> sizes = new java.util.TreeMap<>();
        List<String> tables = jdbc.queryForList("select tablename from pg_tables where schemaname = 'public'", String.class);
        for (String table : tables) {
            jdbc.execute("vacuum full " + table);
            long rows = count("select count(*) from " + table);
            long bytes = count("select pg_total_relation_size('" + table + "')");
            sizes.put(table.toLowerCase(Locale.ROOT), new Size(rows, bytes));
        }
        return sizes;
    }

    static Size delta(Map<String, Size> before, Map<String, Size> after, String prefix, boolean engine) {
        long rows = 0;
        long bytes = 0;
        for (Map.Entry<String, Size> table : after.entrySet()) {
            boolean matches = engine ? table.getKey().startsWith(prefix) : !table.getKey().startsWith(prefix)
                    && !table.getKey().startsWith("bianmin_schema");
            if (matches) {
                Size was = before.getOrDefault(table.getKey(), new Size(0, 0));
                rows += table.getValue().rows() - was.rows();
                bytes += table.getValue().bytes() - was.bytes();
            }
        }
        return new Size(rows, bytes);
    }

    /** Historic activity instances by process and activity type, less those counted in {@code before}. */
    static Map<String, Long> activityCounts(Map<String, Long> before) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query("select proc_def_key_ || '/' || act_type_ as kind, count(*) as n from act_hi_actinst group by 1", row -> {
            long n = row.getLong("n") - before.getOrDefault(row.getString("kind"), 0L);
            if (n > 0) {
                counts.put(row.getString("kind"), n);
            }
        });
        return counts;
    }

    static long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }
}
