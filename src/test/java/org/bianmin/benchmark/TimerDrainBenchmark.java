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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.bianmin.cases.CaseRegistrationService;
import org.bianmin.cases.RegistrationRequest;
import org.bianmin.privacy.PersonalData;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast one node works off SLA timers that fall due at once (issue 18): {@code CASES} committed
 * cases are registered (each with its warning and deadline timers on the root's work step and the
 * hand-over timer of its first task, which is moved past the drain: the SLA timers alone); then the
 * engine clock jumps past every deadline and the job executor, as configured in
 * {@code application.yaml}, runs them: a warning past its deadline does the overdue's work and
 * removes the deadline's timer, unless that fired first (then it has nothing to do); an overdue is
 * the event, the accountability record and its review process, the 督办 task. Measured: wall time until no due
 * job is left, jobs per second, CPU of the JVM and of the rest of the machine per job, failed jobs,
 * that each case was marked overdue exactly once, the database's time by statement, and the screens'
 * latencies meanwhile ({@link ScreenProbe}). Then {@code benchmark.drain.historic} ended cases are
 * generated and the screens measured again.
 *
 * <pre>mvn -B -Pbenchmark test -Dtest=TimerDrainBenchmark</pre>
 *
 * {@code -Dbenchmark.drain.cases=N} changes the number of cases (default 5 000: 10 000 SLA timers);
 * {@code -Dbenchmark.drain.warned=true} lets the warnings fire first, so that the drain is of deadlines alone;
 * {@code -Dbenchmark.drain.think-ms=N} the time a person reads a screen (default 250 ms, 0: back to
 * back); {@code -Dbenchmark.drain.settings="--name=value …"} boots the application with other settings.
 */
@Tag("benchmark")
class TimerDrainBenchmark {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = LocalDateTime.parse("2026-11-18T10:00").atZone(SHANGHAI).toInstant();
    static final int CASES = Integer.getInteger("benchmark.drain.cases", 5_000);
    /** Who registers the cases, in turn (the A and B post of the general window): one person's overdues of a month are numbered one after another. */
    static final List<String> CLERKS = List.of(System.getProperty("benchmark.drain.clerks", "clerk,clerk2").split(","));
    /** How long a person reads a screen before the next one is opened, during the drain (0: back to back). */
    static final long THINK_MILLIS = Long.getLong("benchmark.drain.think-ms", 250);
    /** Whether the warnings fire (unmeasured) before the clock jumps past the deadlines: the drain is then of overdues alone. */
    static final boolean WARNED_FIRST = Boolean.getBoolean("benchmark.drain.warned");
    static final List<String> SJ_002 = List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES");

    static BenchmarkApplication bench;

    @BeforeAll
    static void boot() throws IOException {
        // -Dbenchmark.drain.settings="--camunda.bpm.job-execution.core-pool-size=4 ..." tries other settings
        String settings = System.getProperty("benchmark.drain.settings", "").strip();
        bench = BenchmarkApplication.start("bianmin_drain", settings.isEmpty() ? new String[0] : settings.split("\\s+"));
    }

    @AfterAll
    static void shutDown() throws IOException {
        ClockUtil.reset();
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void drainOfDueSlaTimers() throws Exception {
        ClockUtil.setCurrentTime(Date.from(NOW));
        JdbcTemplate jdbc = bench.bean(JdbcTemplate.class);
        JobExecutor executor = bench.bean(ProcessEngineConfigurationImpl.class).getJobExecutor();
        StringBuilder report = new StringBuilder("## Timer drain, run of ").append(OffsetDateTime.now(SHANGHAI).withNano(0))
                .append("\n\n- command: `mvn -B -Pbenchmark test -Dtest=TimerDrainBenchmark`")
                .append(CASES == 5_000 ? "" : " with `-Dbenchmark.drain.cases=" + CASES + "`").append("\n")
                .append("- CPUs (nproc): ").append(Runtime.getRuntime().availableProcessors()).append("; load average at the start: ")
                .append(BenchmarkApplication.loadAverage()).append("\n")
                .append("- job executor: ").append(executorSettings(executor)).append("\n");

        long registering = System.nanoTime();
        register(CASES, 2);
        double registrationSeconds = (System.nanoTime() - registering) / 1e9;
        int slaTimers = count(jdbc, "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                + " where j.type_ = 'timer' and d.act_id_ in ('warningTime', 'deadlineTime')");
        int allTimers = count(jdbc, "select count(*) from act_ru_job where type_ = 'timer'");
        report.append(String.format(Locale.ROOT, "- registered %d SJ-002 cases in %.0f s (2 threads; by %s in turn): %d SLA timers, %d timer jobs in all%n",
                CASES, registrationSeconds, String.join(" and ", CLERKS), slaTimers, allTimers));

        // the SLA timers alone: the step limits (hand-over timers of the first task) fall due after the drain. Moved rather
        // than suspended: a suspended due job stays in the acquisition's range and is read and skipped by every acquisition
        org.camunda.bpm.engine.ManagementService management = bench.bean(org.camunda.bpm.engine.ManagementService.class);
        Date afterTheDrain = Date.from(NOW.plus(Duration.ofDays(60)));
        List<String> stepTimers = jdbc.queryForList("select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                + " where j.type_ = 'timer' and d.act_id_ not in ('warningTime', 'deadlineTime')", String.class);
        stepTimers.forEach(id -> management.setJobDuedate(id, afterTheDrain));
        report.append(String.format(Locale.ROOT, "- the other %d timer jobs (step limits) fall due after the drain: the SLA timers alone%n",
                stepTimers.size()));

        // every deadline lies within 10 working days of NOW: 30 days later all of them are due
        String sampleCase = jdbc.queryForObject("select max(case_number) from case_record", String.class);
        ScreenProbe probe = new ScreenProbe(bench.port(), sampleCase);
        Instant later = NOW.plus(Duration.ofDays(30));
        String dueNow = "select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1 and duedate_ <= ?";
        if (WARNED_FIRST) {
            // the warnings fire first, as on a normal day (each case turns WARNING); what is then measured is the deadlines alone
            Instant warned = jdbc.queryForObject("select max(warn_at) from case_record", java.sql.Timestamp.class).toInstant().plusSeconds(60);
            long warning = System.nanoTime();
            ClockUtil.setCurrentTime(Date.from(warned));
            executor.jobWasAdded();
            long bound = warning + TimeUnit.MINUTES.toNanos(20);
            while (jdbc.queryForObject(dueNow, Integer.class, java.sql.Timestamp.from(warned)) > 0 && System.nanoTime() < bound) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            }
            report.append(String.format(Locale.ROOT, "- the warnings fired first (`-Dbenchmark.drain.warned=true`, not measured): "
                    + "%d CASE_WARNING events in %.0f s; measured below: the deadlines alone%n",
                    count(jdbc, "select count(*) from case_event where event_type = 'CASE_WARNING'"), (System.nanoTime() - warning) / 1e9));
        }
        // what autovacuum does for a database filled over months: statistics that know the tables' size (the registration
        // above filled them within a minute, faster than autovacuum's analyze follows)
        jdbc.execute("analyze");
        jdbc.execute("create extension if not exists pg_stat_statements");
        jdbc.execute("select pg_stat_statements_reset()");
        CpuTime cpuBefore = CpuTime.now();
        long jumped = System.nanoTime();
        ClockUtil.setCurrentTime(Date.from(later));
        Thread screens = probe.start(THINK_MILLIS);
        int peak = jdbc.queryForObject(dueNow, Integer.class, java.sql.Timestamp.from(later));
        long deadline = jumped + TimeUnit.MINUTES.toNanos(20);
        long firstDone = 0; // when the executor, woken from its idle back-off, had done its first jobs
        int due;
        List<String> progress = new ArrayList<>();
        do {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            due = jdbc.queryForObject(dueNow, Integer.class, java.sql.Timestamp.from(later));
            if (firstDone == 0 && due < peak) {
                firstDone = System.nanoTime();
            }
            long elapsed = (System.nanoTime() - jumped) / 1_000_000_000L;
            if (elapsed == 20 && Boolean.getBoolean("benchmark.drain.explain")) {
                String ts = "'" + java.sql.Timestamp.from(later) + "'";
                jdbc.queryForList("explain (analyze, buffers) select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_"
                        + " from ACT_RU_JOB RES where (RES.RETRIES_ > 0) and ( RES.DUEDATE_ <= " + ts + " ) and (RES.LOCK_OWNER_ is null or"
                        + " RES.LOCK_EXP_TIME_ < " + ts + ") and RES.SUSPENSION_STATE_ = 1 and ( ( RES.EXCLUSIVE_ = true and not exists("
                        + " select J2.ID_ from ACT_RU_JOB J2 where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true)"
                        + " and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= " + ts + ") ) ) or RES.EXCLUSIVE_ = false ) LIMIT 16",
                        String.class).forEach(System.out::println);
            }
            if (progress.size() <= elapsed / 10) {
                progress.add(elapsed + " s: " + due);
            }
        } while (due > 0 && System.nanoTime() < deadline);
        double totalSeconds = (System.nanoTime() - jumped) / 1e9;
        double drainSeconds = (System.nanoTime() - firstDone) / 1e9;
        CpuTime cpu = CpuTime.now().minus(cpuBefore);
        probe.stop(screens);
        StringBuilder statements = new StringBuilder("| calls | total ms | mean ms | statement |\n| ---: | ---: | ---: | --- |\n");
        jdbc.queryForList("select calls, round(total_exec_time) as total, round(mean_exec_time::numeric, 2) as mean,"
                + " left(regexp_replace(query, '\\s+', ' ', 'g'), " + Integer.getInteger("benchmark.drain.statement-chars", 160) + ") as query from pg_stat_statements"
                + " order by total_exec_time desc limit " + Integer.getInteger("benchmark.drain.statements", 12)).forEach(row -> statements.append("| ").append(row.get("calls"))
                .append(" | ").append(row.get("total")).append(" | ").append(row.get("mean")).append(" | `")
                .append(String.valueOf(row.get("query")).replace("|", "\\|").replace("`", "'")).append("` |\n"));

        int warningJobs = count(jdbc, "select count(*) from act_hi_job_log where job_state_ = 2 and job_def_type_ like 'timer%'"
                + " and act_id_ = 'warningTime'");
        int deadlineJobs = count(jdbc, "select count(*) from act_hi_job_log where job_state_ = 2 and job_def_type_ like 'timer%'"
                + " and act_id_ = 'deadlineTime'");
        int executed = warningJobs + deadlineJobs;
        int executedAll = count(jdbc, "select count(*) from act_hi_job_log where job_state_ = 2 and timestamp_ >= ?", Date.from(later));
        int failed = count(jdbc, "select count(*) from act_ru_job where retries_ = 0");
        int overdueEvents = count(jdbc, "select count(*) from case_event where event_type = 'CASE_OVERDUE'");
        int overdueCases = count(jdbc, "select count(distinct case_number) from case_event where event_type = 'CASE_OVERDUE'");
        int warnings = count(jdbc, "select count(*) from case_event where event_type = 'CASE_WARNING'");
        report.append(String.format(Locale.ROOT, "- drain: %s **%.1f s** from the first jobs done to the last (%.1f s after the "
                        + "clock jump, the executor's idle back-off included); jobs due at once %d; SLA timer jobs executed %d (%d warnings, "
                        + "%d deadlines; the other %d deadlines done by their warning's job, which found them due too), "
                        + "jobs of every kind %d (%.0f per second); failed jobs %d%n",
                due == 0 ? "no due job left after" : due + " jobs still due after", drainSeconds, totalSeconds, peak, executed,
                warningJobs, deadlineJobs, overdueCases - deadlineJobs, executedAll, executedAll / drainSeconds, failed))
                .append(String.format(Locale.ROOT, "- exactly once: %d CASE_OVERDUE events for %d cases, %d CASE_WARNING events%n",
                        overdueEvents, overdueCases, warnings))
                .append("- due jobs every 10 s: ").append(String.join(", ", progress)).append("\n")
                .append(String.format(Locale.ROOT, "- CPU during the drain: %.1f s of the application's JVM, %.1f s of the rest of the "
                        + "machine (PostgreSQL, mostly); per job done %.1f ms and %.1f ms; stolen by the host %.1f s%n", cpu.jvmSeconds(),
                        cpu.otherSeconds(), cpu.jvmSeconds() * 1000 / executedAll, cpu.otherSeconds() * 1000 / executedAll,
                        cpu.stealSeconds()))
                .append("- load average at the end: ").append(BenchmarkApplication.loadAverage()).append("\n\n")
                .append(String.format(Locale.ROOT, "Screens during the drain (HTTP, as the pages call them; one person after another, "
                        + "each reading the answer %d ms before the next opens a screen: %.1f requests a second):%n%n", THINK_MILLIS,
                        probe.calls() / totalSeconds))
                .append(probe.table())
                .append("\nThe database's time during the drain, by statement (pg_stat_statements, the 12 largest):\n\n")
                .append(statements);

        // a centre's years: 1 000 000 ended cases in our case table (the search and the board read it, not the engine's)
        int historic = Integer.getInteger("benchmark.drain.historic", 1_000_000);
        long inserting = System.nanoTime();
        HistoricCases.insert(jdbc, historic, NOW);
        double insertSeconds = (System.nanoTime() - inserting) / 1e9;
        ScreenProbe idle = new ScreenProbe(bench.port(), sampleCase);
        idle.run(250);
        report.append(String.format(Locale.ROOT, "%nScreens with %,d ended cases more in `case_record` (generated in %.0f s: names from 100 "
                        + "surnames and 291 given-name characters, distinct phones and ID numbers, one case a minute back from the "
                        + "clock), %d requests after the drain:%n%n", historic, insertSeconds, idle.calls()))
                .append(idle.table());
        Path out = Path.of("target", "benchmark", "timer-drain.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
    }

    private static void register(int cases, int threads) throws InterruptedException {
        CaseRegistrationService registration = bench.bean(CaseRegistrationService.class);
        String idNumber = "11010519900307123" + PersonalData.checkCharacter("11010519900307123");
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                int index;
                while ((index = next.getAndIncrement()) < cases && failures.isEmpty()) {
                    try {
                        registration.register(new RegistrationRequest("SJ-002", new RegistrationRequest.ApplicantInput("赵小满",
                                idNumber, "13800138000", "小满餐饮店"), SJ_002, true, false, false, false, null, null, null), CLERKS.get(index % CLERKS.size()));
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }, "register-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("registration failed", failures.get(0));
        }
    }

    private static String executorSettings(JobExecutor executor) {
        String pool = executor instanceof org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor spring
                && spring.getTaskExecutor() instanceof org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor tasks
                ? "threads " + tasks.getCorePoolSize() + "–" + tasks.getMaxPoolSize() + ", queue " + tasks.getQueueCapacity()
                : executor.getClass().getSimpleName();
        return pool + ", " + executor.getMaxJobsPerAcquisition() + " jobs per acquisition, wait " + executor.getWaitTimeInMillis()
                + " ms (idle up to " + executor.getMaxWait() / 1000 + " s), lock " + executor.getLockTimeInMillis() / 1000 + " s";
    }

    private static int count(JdbcTemplate jdbc, String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
