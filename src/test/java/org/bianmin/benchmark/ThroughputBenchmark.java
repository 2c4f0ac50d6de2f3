package org.bianmin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bianmin.catalogue.CaseType;
import org.bianmin.catalogue.CatalogueService;
import org.bianmin.catalogue.ServiceItem;
import org.bianmin.cases.CaseRegistrationService;
import org.bianmin.cases.RegistrationRequest;
import org.bianmin.cases.classification.ApplicationFacts;
import org.bianmin.cases.classification.ClassificationOutcome;
import org.bianmin.cases.classification.Classifier;
import org.bianmin.cases.classification.TimeLimitFacts;
import org.bianmin.cases.classification.TimeLimitOutcome;
import org.bianmin.privacy.PersonalData;
import org.bianmin.rules.RuleEngine;
import org.bianmin.supervision.SlaBoardService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.bianmin.retention.EngineHistoryRetention;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throughput and latency of Bianmin against a bare Camunda process of the same shape, in the same
 * JVM, on the same engine and the same (fresh, embedded) PostgreSQL — so that the ratio is
 * meaningful even when the absolute figures move with the machine. Not part of the test suite:
 * tagged {@code benchmark}, which surefire excludes unless the Maven profile {@code benchmark} is on:
 *
 * <pre>mvn -B -Pbenchmark test</pre>
 *
 * Writes its figures to {@code target/benchmark/report.md} (copied by hand into
 * {@code docs/benchmarks.md}). Every loop is bounded by a count and by a time; sizes can be scaled
 * with {@code -Dbenchmark.scale=0.5} (e.g. for a quick check). See docs/benchmarks.md.
 *
 * <p>The PostgreSQL server is our own zonky instance (PostgreSQL 17) with the server defaults
 * ({@code fsync} and {@code synchronous_commit} on, unlike the test suite's throw-away server), and
 * the application boots with the production profile {@code postgres} (job executor on, history
 * FULL, authorization on, pool of 20) plus the demo organisation.
 */
@Tag("benchmark")
class ThroughputBenchmark {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /**
     * The engine clock for the whole run: Wednesday 2026-11-18 10:00 in Shanghai, a working day in
     * the bundled 2026 calendar, so the run does not depend on today's date or on office hours.
     */
    static final Instant NOW = LocalDateTime.parse("2026-11-18T10:00").atZone(SHANGHAI).toInstant();
    static final List<String> SJ_002 = List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES");
    static final String BARE_CASE = "bench-bare-case";
    /** The bare root: the case's one instance, calling the bare work, with the SLA timers and message boundaries on it. */
    static final String BARE_ROOT = "bench-bare-root";
    static final int RUNNING_CASES = 10_000;
    static final int COMPLETED_HISTORY_ROWS = 20_000;
    /** Alternating slices per measured pair (bare, Bianmin). */
    static final int SLICES = 3;
    /** Warm-up rounds of registration, each side in turn. */
    static final int WARM_UP_ROUNDS = 3;
    static final double SCALE = Double.parseDouble(System.getProperty("benchmark.scale", "1.0"));

    static BenchmarkApplication bench;
    static ConfigurableApplicationContext app;
    static final StringBuilder report = new StringBuilder();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void boot() throws IOException {
        bench = BenchmarkApplication.start("bianmin_benchmark");
        app = bench.app;
    }

    @AfterAll
    static void shutDown() throws IOException {
        ClockUtil.reset();
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void benchmark() throws Exception {
        long started = System.nanoTime();
        ClockUtil.setCurrentTime(Date.from(NOW));
        machineFacts();
        deployBareProcesses();
        ConcurrentLinkedQueue<String> registered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String[]> bareStarted = new ConcurrentLinkedQueue<>();

        registration(registered, bareStarted);
        completion(new ArrayList<>(registered), new ArrayList<>(bareStarted));
        SameShapeProcesses.assertWithoutGlobalTaskListeners(bean(RepositoryService.class), BARE_CASE, BARE_ROOT);
        slaBoard();
        caseSearch();
        drools();

        report.append("\nTotal run time of the benchmark method: ")
                .append(String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - started) / 1e9))
                .append("; load average at the end: ").append(loadAverage()).append(".\n");
        Path out = Path.of("target", "benchmark", "report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
        System.err.println("benchmark report written to " + out.toAbsolutePath());
    }

    // ======================================================================== 1. registration

    void registration(ConcurrentLinkedQueue<String> registered, ConcurrentLinkedQueue<String[]> bareStarted) {
        CaseRegistrationService registration = bean(CaseRegistrationService.class);
        RuntimeService runtime = bean(RuntimeService.class);
        TransactionTemplate tx = new TransactionTemplate(bean(PlatformTransactionManager.class));
        AtomicInteger bareKeys = new AtomicInteger();

        Op bianmin = (thread, i) -> registered.add(registration.register(sj002Application(), "clerk").caseNumber());
        Op bare = (thread, i) -> bareStarted.add(tx.execute(status -> {
            String key = "BARE-" + bareKeys.incrementAndGet();
            Date deadline = Date.from(NOW.plus(Duration.ofDays(14)));
            Date warnAt = Date.from(NOW.plus(Duration.ofDays(11)));
            String root = runtime.startProcessInstanceByKey(BARE_ROOT, key, Variables.createVariables()
                    .putValue("handoverDue", Date.from(NOW.plus(Duration.ofHours(5)))).putValue("deadline", deadline)
                    .putValue("warnAt", warnAt)).getId();
            return new String[] {root};
        }));

        AtomicInteger shapeKeys = new AtomicInteger();
        Op sameShape = (thread, i) -> tx.execute(status -> runtime.createProcessInstanceByKey(SameShapeProcesses.ROOT)
                .businessKey("SHAPE-" + shapeKeys.incrementAndGet())
                .setVariables(SameShapeProcesses.variables(Date.from(NOW.plus(Duration.ofDays(14))),
                        Date.from(NOW.plus(Duration.ofDays(11))), Date.from(NOW.plus(Duration.ofHours(5)))))
                .startBeforeActivity(SameShapeProcesses.REGISTERED).execute().getId());

        // warm-up of each, interleaved, then the measured rounds (the two bare sides first, then Bianmin, per thread count)
        List<Op> sides = List.of(bare, sameShape, bianmin);
        List<String> names = List.of("bare Camunda: root instance calling the work, started in 1 transaction",
                "Bianmin's own case shape without its logic, started in 1 transaction", "Bianmin: register(SJ-002 complete)");
        // as many of each, so that Bianmin's longer path is as compiled at its first slice as the bare ones are: with 2 x 300
        // its slices still ran faster from one to the next (86 -> 131 cases/s within a run), the bare ones much less
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            measure("warm-up bare", 1, scaled(500), Duration.ofSeconds(10), bare);
            measure("warm-up same shape", 1, scaled(500), Duration.ofSeconds(10), sameShape);
            measure("warm-up Bianmin", 1, scaled(500), Duration.ofSeconds(20), bianmin);
        }
        List<Run> runs = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            // three alternating slices of each, so that a change in the machine's load hits all sides alike
            List<List<Run>> slices = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int slice = 0; slice < SLICES; slice++) {
                for (int side = 0; side < sides.size(); side++) {
                    slices.get(side).add(measure(names.get(side), threads, scaled(side == 0 ? 500 : side == 1 ? 300 : 135),
                            Duration.ofSeconds(side == 2 ? 8 : 4), sides.get(side)));
                }
            }
            slices.forEach(side -> runs.add(Run.merge(side)));
        }

        section("1. Registration (committed case SJ-002) vs bare starts of a root instance of the same shape",
                "Bianmin: `CaseRegistrationService.register(...)` of a complete SJ-002 application, one transaction: "
                        + "validation, Drools classification + time-limit tables, case number, case row, acceptance and receipt "
                        + "notices, event, and the case's root instance `case-intake` started at its registration outcome: "
                        + "转入办理 (service task), the call of `committed-case` (user task with a timer boundary) with the "
                        + "warning and deadline timers and three message boundaries on the call, and the withdrawal event "
                        + "sub-process. Two baselines, started with `RuntimeService` in one `TransactionTemplate` transaction, "
                        + "their tasks without Bianmin's global task listeners:\n\n"
                        + "- *bare Camunda*: a minimal root of that shape built for the benchmark (call activity of a bare work "
                        + "process with a user task and a non-interrupting timer boundary; 2 timer and 3 message boundaries on "
                        + "the call; an interrupting message event sub-process), 3 date variables;\n"
                        + "- *Bianmin's own case shape without its logic*: `processes/case-intake.bpmn` and "
                        + "`processes/committed-case.bpmn` deployed under other keys with every service step doing nothing, no "
                        + "listener, and plain `camunda:in` instead of Bianmin's variable mapping (`SameShapeProcesses`), started "
                        + "at the same activity with the " + SameShapeProcesses.variables(null, null, null).size() + " values its "
                        + "gateways, call, timers and task assignments read, " + SameShapeProcesses.WORK_VALUES.size()
                        + " of them passed to the work (a case Bianmin registered holds " + engineValues(runtime, registered.peek())
                        + ", its task's included: its forms' text, Tasklist's columns and filters).\n\n"
                        + "After " + WARM_UP_ROUNDS + " warm-up rounds of " + scaled(500) + " of each; every row pools " + SLICES + " slices that alternate with the other "
                        + "sides' (bare, same shape, Bianmin, bare, …), each slice bounded by count and time.");
        table(runs, "cases");
        report.append("\n");
        for (int i = 0; i + 2 < runs.size(); i += 3) {
            Run minimal = runs.get(i);
            Run shape = runs.get(i + 1);
            Run bianminRun = runs.get(i + 2);
            report.append(String.format(Locale.ROOT,
                    "- %d thread(s): Bianmin %.1f cases/s; against the bare Camunda root %.1f cases/s → overhead ratio **%.1f×**; "
                            + "against Bianmin's own shape without its logic %.1f cases/s → **%.1f×** (throughput ratios)%n",
                    bianminRun.threads, bianminRun.perSecond(), minimal.perSecond(), minimal.perSecond() / bianminRun.perSecond(),
                    shape.perSecond(), shape.perSecond() / bianminRun.perSecond()));
        }
        registrationParts(sides, registration, tx);
        SameShapeProcesses.assertWithoutGlobalTaskListeners(bean(RepositoryService.class), BARE_CASE, BARE_ROOT,
                SameShapeProcesses.ROOT, SameShapeProcesses.WORK);
    }

    /**
     * Where a registration's time goes, one thread: the same registration with its process start
     * left out (rolled back, so no case without a process stays for the parts below), and the
     * statements each side sends to the database (pg_stat_statements).
     */
    void registrationParts(List<Op> sides, CaseRegistrationService registration, TransactionTemplate tx) {
        Op withoutProcess = (thread, i) -> tx.executeWithoutResult(status -> {
            registration.register(sj002Application(), "clerk", (record, variables) -> { });
            status.setRollbackOnly();
        });
        measure("warm-up Bianmin without its process", 1, scaled(100), Duration.ofSeconds(10), withoutProcess);
        List<Op> ops = new ArrayList<>(sides);
        ops.add(withoutProcess);
        List<String> names = List.of("bare Camunda: root instance calling the work", "Bianmin's own case shape without its logic",
                "Bianmin: register(SJ-002 complete)", "Bianmin: the same registration without starting its process (rolled back)");
        List<List<Run>> slices = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int slice = 0; slice < SLICES; slice++) {
            for (int side = 0; side < ops.size(); side++) {
                slices.get(side).add(measure(names.get(side), 1, scaled(side == 2 ? 135 : 400), Duration.ofSeconds(4), ops.get(side)));
            }
        }
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        jdbc.execute("create extension if not exists pg_stat_statements");
        report.append("\nWhere one registration's time goes (1 thread, ").append(SLICES)
                .append(" alternating slices of each; statements counted by pg_stat_statements over ").append(scaled(100))
                .append(" more of each):\n\n| measurement | cases | mean ms per case | p50 ms | statements per case |\n"
                        + "| --- | ---: | ---: | ---: | ---: |\n");
        double[] mean = new double[ops.size()];
        for (int side = 0; side < ops.size(); side++) {
            Run run = Run.merge(slices.get(side));
            mean[side] = run.wallNanos / 1e6 / run.ops;
            report.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1f |%n", run.name, run.ops, mean[side],
                    run.percentileMillis(50), statementsPerOperation(jdbc, scaled(100), ops.get(side), run.name)));
        }
        double start = mean[2] - mean[3];
        report.append(String.format(Locale.ROOT, "%n- Bianmin's process start (the difference of the two Bianmin rows): %.2f ms: "
                        + "%.1f× the bare Camunda registration (%.2f ms), %.1f× its own shape without its logic (%.2f ms).%n"
                        + "- The rest of Bianmin's registration (validation, rules, number, case row, notices, event, result): "
                        + "%.2f ms, %.1f× the bare Camunda registration.%n",
                start, start / mean[0], mean[0], start / mean[1], mean[1], mean[3], mean[3] / mean[0]));
    }

    /**
     * Statements sent per operation over {@code count} runs of {@code op}, the statistics' own queries
     * left out; each statement's calls per operation go to the output, to compare the sides by.
     */
    static double statementsPerOperation(JdbcTemplate jdbc, int count, Op op, String name) {
        jdbc.execute("select pg_stat_statements_reset()");
        for (int i = 0; i < count; i++) {
            try {
                op.run(0, i);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Long calls = jdbc.queryForObject("select coalesce(sum(calls), 0) from pg_stat_statements"
                + " where query not like '%pg_stat_statements%'", Long.class);
        System.out.println("statements per operation of " + name + ":");
        jdbc.query("select calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query from pg_stat_statements"
                + " where query not like '%pg_stat_statements%' order by calls desc, query", row -> {
            System.out.printf(Locale.ROOT, "  %5.2f  %s%n", row.getLong("calls") / (double) count, row.getString("query"));
        });
        return calls / (double) count;
    }

    /** The runtime variables of a case's instances (the root, its work, their tasks). */
    static long engineValues(RuntimeService runtime, String caseNumber) {
        String[] instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toArray(String[]::new);
        return runtime.createVariableInstanceQuery().processInstanceIdIn(instances).count();
    }

    /** A complete, lawful SJ-002 application: what every measured registration registers. */
    static RegistrationRequest sj002Application() {
        String idNumber = "11010519900307123" + PersonalData.checkCharacter("11010519900307123");
        return new RegistrationRequest("SJ-002", new RegistrationRequest.ApplicantInput("赵小满", idNumber, "13800138000", "小满餐饮店"),
                SJ_002, true, false, false, false, null, null, null);
    }

    // ======================================================================== 2. completing the work

    void completion(List<String> registered, List<String[]> bareStarted) {
        RuntimeService runtime = bean(RuntimeService.class);
        TaskService tasks = bean(TaskService.class);
        IdentityService identity = bean(IdentityService.class);
        TransactionTemplate tx = new TransactionTemplate(bean(PlatformTransactionManager.class));
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        Map<String, List<String>> groups = Map.of(
                "clerk", groupsOf(identity, "clerk"), "market-a", groupsOf(identity, "market-a"),
                "director", groupsOf(identity, "director"));

        // keep registered cases running for the board (part 3): 300, fewer in a scaled-down run
        int usable = Math.max(0, registered.size() - scaled(300));
        List<String> caseInstances = new ArrayList<>();
        for (String caseNumber : registered.subList(0, usable)) {
            caseInstances.add(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .processDefinitionKey("committed-case").singleResult().getId());
        }
        AtomicInteger nextCase = new AtomicInteger();
        AtomicInteger nextBare = new AtomicInteger();
        ConcurrentLinkedQueue<String> done = new ConcurrentLinkedQueue<>();

        Op bianmin = (thread, i) -> {
            int index = nextCase.getAndIncrement();
            if (index >= caseInstances.size()) {
                throw new IllegalStateException("ran out of registered cases to complete");
            }
            String instance = caseInstances.get(index);
            completeAs(tasks, identity, groups, instance, "handOver", "clerk", Map.of("handlingNote", "已移交市场监管所"));
            completeAs(tasks, identity, groups, instance, "review", "market-a", Map.of("reviewOutcome", "PASS", "handlingNote", "材料齐全"));
            completeAs(tasks, identity, groups, instance, "decide", "director", Map.of("approved", "true", "handlingNote", "准予许可"));
            done.add(registered.get(index));
        };
        Op bare = (thread, i) -> {
            int index = nextBare.getAndIncrement();
            if (index >= bareStarted.size()) {
                throw new IllegalStateException("ran out of bare instances to complete");
            }
            String root = bareStarted.get(index)[0];
            tx.executeWithoutResult(status -> {
                String work = runtime.createProcessInstanceQuery().superProcessInstanceId(root).singleResult().getId();
                Task task = tasks.createTaskQuery().processInstanceId(work).singleResult();
                tasks.complete(task.getId(), Variables.createVariables().putValue("handlingNote", "done"));
            });
        };

        List<Run> runs = new ArrayList<>();
        int perRound = Math.min(scaled(100), Math.max(1, (caseInstances.size() - scaled(20)) / 2));
        measure("warm-up bare", 1, scaled(100), Duration.ofSeconds(8), bare);
        measure("warm-up Bianmin", 1, Math.min(scaled(20), caseInstances.size() / 5), Duration.ofSeconds(15), bianmin);
        for (int threads : new int[] {1, 2}) {
            List<Run> bareSlices = new ArrayList<>();
            List<Run> bianminSlices = new ArrayList<>();
            for (int slice = 0; slice < SLICES; slice++) {
                bareSlices.add(measure("bare Camunda: complete the work's task, the root ends, 1 tx", threads,
                        Math.min(scaled(170), (bareStarted.size() - nextBare.get()) / 2), Duration.ofSeconds(3), bare));
                bianminSlices.add(measure("Bianmin: handOver, review (PASS), decide (approve): 3 tasks, 3 tx", threads,
                        Math.min(perRound / SLICES, caseInstances.size() - nextCase.get()), Duration.ofSeconds(10), bianmin));
            }
            runs.add(Run.merge(bareSlices));
            runs.add(Run.merge(bianminSlices));
        }
        // the work really ended: case completed, both processes gone
        List<String> ended = List.copyOf(done);
        Integer completedRows = jdbc.queryForObject(
                "select count(*) from case_record where state = 'COMPLETED' and case_number like 'BM%'", Integer.class);
        long stillRunning = ended.stream().mapToLong(n -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).count()).sum();
        assertThat(completedRows).isEqualTo(ended.size());
        assertThat(stillRunning).isZero();

        section("2. Completing the work",
                "Bianmin: the three user tasks of a registered SJ-002 case, each found by a task query and completed as "
                        + "its user (clerk, market-a, director; authorization on) in its own transaction, as Tasklist does; "
                        + "the last one completes the case (state, completion notice, event; the root instance ends with its timers). "
                        + "Baseline: find the bare root's called work and complete its single user task, which ends the work "
                        + "and the root, in one transaction. Checked afterwards: " + ended.size()
                        + " Bianmin cases in state COMPLETED with no running process instance. A row is one case; "
                        + "Bianmin's case is 3 task completions, so per task it is 3× the cases/s shown. Rows pool " + SLICES + " alternating slices, as above.");
        table(runs, "cases");
        ratios(runs, "cases");
    }

    // ======================================================================== 3. the SLA board

    void slaBoard() throws Exception {
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        CatalogueService catalogue = bean(CatalogueService.class);
        SlaBoardService board = bean(SlaBoardService.class);
        HistoryService history = bean(HistoryService.class);
        TaskService tasks = bean(TaskService.class);

        // the registered cases still running are made the most overdue ones, so every case the board
        // lists (the 200 earliest deadlines) has live process instances and tasks to look up: the worst case
        Timestamp now = Timestamp.from(NOW);
        int live = jdbc.update("update case_record set deadline = cast(? as timestamptz) - make_interval(mins => 12960 + (random() * 4320)::int) "
                + "where state = 'IN_PROGRESS'", now);
        jdbc.update("update case_record set warn_at = deadline - interval '2 days' where state = 'IN_PROGRESS'");

        long insertStart = System.nanoTime();
        int inserted = insertCases(jdbc, catalogue, RUNNING_CASES - live, "IN_PROGRESS", 1);
        int history0 = insertCases(jdbc, catalogue, COMPLETED_HISTORY_ROWS, "COMPLETED", 2);
        // statistics as autovacuum keeps them on a database in steady state (the engine's tables grew fast above)
        jdbc.execute("analyze");
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
        Integer running = jdbc.queryForObject("select count(*) from case_record where state = 'IN_PROGRESS'", Integer.class);
        assertThat(running).isEqualTo(RUNNING_CASES);

        // in-process and over HTTP (as the Cockpit plugin calls it: HTTP Basic as a supervisor)
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/supervision/sla-board"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("supervisor:demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        AtomicReference<String> lastBody = new AtomicReference<>();
        Op viaHttp = (thread, i) -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("sla-board answered " + response.statusCode() + ": " + response.body());
            }
            lastBody.set(response.body());
        };
        Op inProcess = (thread, i) -> board.board();

        measure("warm-up HTTP", 1, 20, Duration.ofSeconds(30), viaHttp);
        measure("warm-up in-process", 1, 10, Duration.ofSeconds(15), inProcess);
        Run httpRun = measure("GET /api/supervision/sla-board (HTTP, supervisor)", 1, 50, Duration.ofSeconds(60), viaHttp);
        Run serviceRun = measure("SlaBoardService.board() in-process", 1, 50, Duration.ofSeconds(60), inProcess);

        JsonNode body = JSON.readTree(lastBody.get());
        int total = 0;
        for (JsonNode n : body.path("totals")) {
            total += n.asInt();
        }
        int listed = body.path("atRisk").size();
        int withInstance = 0;
        int withAssignee = 0;
        for (JsonNode risk : body.path("atRisk")) {
            withInstance += risk.path("processInstanceId").isTextual() ? 1 : 0;
            withAssignee += risk.path("assignees").size() > 0 ? 1 : 0;
        }
        assertThat(total).isEqualTo(RUNNING_CASES);

        // where the time goes: the parts of board() one by one (median of 20)
        List<String> listedNumbers = new ArrayList<>();
        body.path("atRisk").forEach(r -> listedNumbers.add(r.path("caseNumber").asText()));
        String[] numbers = listedNumbers.toArray(String[]::new);
        String[] processKeys = Arrays.stream(CaseType.values()).map(CaseType::processKey).toArray(String[]::new);
        List<String> instanceIds = new ArrayList<>();
        body.path("atRisk").forEach(r -> {
            if (r.path("processInstanceId").isTextual()) {
                instanceIds.add(r.path("processInstanceId").asText());
            }
        });
        String aggregate = """
                select window_group, case_type,
                  sum(case when state = 'WAITING_SUPPLEMENT' then 1 else 0 end) paused,
                  sum(case when state = 'IN_PROGRESS' and deadline < ? then 1 else 0 end) overdue,
                  sum(case when state = 'IN_PROGRESS' and deadline >= ? and warn_at <= ? then 1 else 0 end) warning,
                  sum(case when state = 'IN_PROGRESS' and deadline >= ? and warn_at > ? then 1 else 0 end) on_time
                from case_record where state in ('IN_PROGRESS', 'WAITING_SUPPLEMENT')
                group by window_group, case_type""";
        String atRisk = """
                select case_number, item_name, window_group, case_type, deadline from case_record
                where state = 'IN_PROGRESS' and warn_at <= ?
                order by deadline, case_number fetch first 200 rows only""";
        List<String[]> parts = new ArrayList<>();
        parts.add(part("aggregate query (counts per window and case type)", () -> jdbc.queryForList(aggregate, now, now, now, now, now)));
        parts.add(part("at-risk query (first 200 by deadline)", () -> jdbc.queryForList(atRisk, now)));
        parts.add(part("historic process instances of the 200 (business keys)", () -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyIn(numbers).processDefinitionKeyIn(processKeys).unfinished().list()));
        parts.add(part("open tasks of those instances", () -> tasks.createTaskQuery()
                .processInstanceIdIn(instanceIds.toArray(String[]::new)).list()));
        parts.add(part("groups (window names)", () -> bean(IdentityService.class).createGroupQuery().list()));
        List<Instant> deadlines = new ArrayList<>();
        body.path("atRisk").forEach(r -> deadlines.add(OffsetDateTime.parse(r.path("deadline").asText()).toInstant()));
        var calendar = bean(org.bianmin.calendar.CalendarService.class).calendar();
        parts.add(part("working minutes overdue of the 200 (calendar)", () -> deadlines.stream()
                .filter(d -> d.isBefore(NOW)).mapToLong(d -> calendar.workingMinutesBetween(d, NOW)).sum()));
        ObjectMapper springJson = bean(ObjectMapper.class);
        parts.add(part("whole board() (for comparison)", board::board));
        parts.add(part("whole board() + JSON with Spring's ObjectMapper", () -> springJson.writeValueAsString(board.board())));

        String plan1 = String.join("\n", jdbc.queryForList("explain (analyze, costs off, timing off, summary on) " + aggregate,
                String.class, now, now, now, now, now));
        String plan2 = String.join("\n", jdbc.queryForList("explain (analyze, costs off, timing off, summary on) " + atRisk,
                String.class, now));

        section("3. Time-limit board with 10 000 running cases",
                "Data: " + live + " SJ-002 cases registered through the service above (still running, 2 process instances "
                        + "each, their deadlines moved 9–12 days into the past so that the cases the board lists have live "
                        + "instances and tasks to look up, as many as there are — the worst case), plus " + inserted + " running cases batch-inserted "
                        + "into `case_record` (all catalogue items, the immediate ones at a tenth of the others' weight, limits from the "
                        + "catalogue, elapsed share of the limit uniform in 0–125 %: about 20 % overdue, 16 % in warning), plus "
                        + history0 + " completed cases as history rows. Insert + `analyze` of the database: "
                        + String.format(Locale.ROOT, "%.1f s", insertSeconds) + ". The last response: totals sum to " + total
                        + " running cases, " + listed + " at-risk cases listed, " + withInstance + " with a process instance, "
                        + withAssignee + " with an assignee. Limit to meet: 300 ms.");
        report.append("| measurement | calls | p50 ms | p95 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Run run : List.of(httpRun, serviceRun)) {
            report.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", run.name, run.ops,
                    run.percentileMillis(50), run.percentileMillis(95), run.percentileMillis(99), run.maxMillis()));
        }
        report.append("\nParts of one board (median of 20 calls each, ms):\n\n| part | median ms | max ms |\n| --- | ---: | ---: |\n");
        parts.forEach(p -> report.append("| ").append(p[0]).append(" | ").append(p[1]).append(" | ").append(p[2]).append(" |\n"));
        report.append("\n<details><summary>Query plans (EXPLAIN ANALYZE)</summary>\n\n```\n").append(plan1).append("\n\n")
                .append(plan2).append("\n```\n</details>\n");
    }

    /** Batch-inserts cases of the catalogue's items with a realistic spread of limits, deadlines and windows. */
    int insertCases(JdbcTemplate jdbc, CatalogueService catalogue, int count, String state, long seed) {
        if (count <= 0) {
            return 0;
        }
        List<ServiceItem> items = catalogue.catalogue().items();
        // running immediate cases are rare (30 minutes at the window): weight 1, the others 10
        List<ServiceItem> weighted = new ArrayList<>();
        for (ServiceItem item : items) {
            for (int w = 0; w < (item.caseType() == CaseType.IMMEDIATE ? 1 : 10); w++) {
                weighted.add(item);
            }
        }
        Random random = new Random(seed);
        String prefix = state.equals("IN_PROGRESS") ? "BR" : "BH";
        String sql = HistoricCases.INSERT + """
                values (?, ?, ?, ?, ?, 'ACCEPTED', ?, ?, '测试申请人', '110105199003071234', '13800138000', true, false, false, '',
                  '', ?, ?, 'clerk', ?, ?, 10, ?, ?, 'benchmark', 'benchmark', 'benchmark', ?, 'benchmark', 'benchmark')""";
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ServiceItem item = weighted.get(random.nextInt(weighted.size()));
            boolean immediate = item.caseType() == CaseType.IMMEDIATE;
            Integer days = immediate ? null : Math.max(1, item.promisedWorkingDays());
            Integer minutes = immediate ? 30 : null;
            // a working day is ~1.4 calendar days (weekends); the immediate limit is 30 minutes
            long spanMinutes = immediate ? 30 : Math.round(days * 1.4 * 24 * 60);
            double elapsed = state.equals("IN_PROGRESS") ? random.nextDouble() * 1.25 : 1 + random.nextDouble() * 200;
            Instant received = NOW.minusSeconds(Math.round(elapsed * spanMinutes * 60));
            Instant deadline = received.plusSeconds(spanMinutes * 60);
            Instant warnAt = received.plusSeconds(Math.round(spanMinutes * 0.8 * 60));
            Timestamp ended = state.equals("IN_PROGRESS") ? null
                    : Timestamp.from(received.plusSeconds(Math.round(spanMinutes * 60 * random.nextDouble())));
            batch.add(new Object[] {String.format("%s%08d", prefix, i), item.code(), item.name(), item.department(), item.window(),
                    item.caseType().name(), state, Timestamp.from(received), Timestamp.from(received), days, minutes,
                    Timestamp.from(deadline), Timestamp.from(warnAt), ended});
            if (batch.size() == 1000 || i == count - 1) {
                jdbc.batchUpdate(sql, batch);
                batch.clear();
            }
        }
        return count;
    }

    // ======================================================================== 4. Drools

    void drools() {
        Classifier classifier = bean(Classifier.class);
        RuleEngine rules = bean(RuleEngine.class);
        ServiceItem item = bean(CatalogueService.class).find("SJ-002").orElseThrow();
        Classifier.Application application = new Classifier.Application(item, Set.copyOf(SJ_002), true, false, false, false);
        ApplicationFacts facts = new ApplicationFacts(item.code(), item.caseType().name(), item.approvalLevel().name(),
                item.jointDepartments().size(), item.onTheSpot(), true, false, false, false, 0, 0);
        TimeLimitFacts limitFacts = new TimeLimitFacts("COMMITTED", false, item.promisedWorkingDays(), item.statutoryWorkingDays());

        Op classification = (thread, i) -> rules.evaluate("classification", Map.of("outcome", new ClassificationOutcome()), facts);
        Op timeLimits = (thread, i) -> rules.evaluate("time-limits", Map.of("timeLimit", new TimeLimitOutcome()), limitFacts);
        Op both = (thread, i) -> classifier.classify(application);

        List<Run> runs = new ArrayList<>();
        for (Op op : List.of(classification, timeLimits, both)) {
            measure("warm-up", 1, 5_000, Duration.ofSeconds(10), op);
        }
        runs.add(measure("classification table: new session, 1 fact, fire, dispose", 1, 20_000, Duration.ofSeconds(10), classification));
        runs.add(measure("time-limit table: new session, 1 fact, fire, dispose", 1, 20_000, Duration.ofSeconds(10), timeLimits));
        runs.add(measure("Classifier.classify (both tables + facts) — what register() pays", 1, 20_000, Duration.ofSeconds(10), both));

        section("5. Drools evaluation per classification",
                "One thread, after 5 000 warm-up calls each; SJ-002 with complete materials (ACCEPTED / COMMITTED, 10 working days).");
        report.append("| measurement | calls | per s | median µs | p99 µs |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (Run run : runs) {
            report.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f |%n", run.name, run.ops, run.perSecond(),
                    run.percentileMicros(50), run.percentileMicros(99)));
        }
    }

    // ======================================================================== measuring

    @FunctionalInterface
    interface Op {
        void run(int thread, int index) throws Exception;
    }

    static final class Run {
        final String name;
        final int threads;
        final int ops;
        final long wallNanos;
        final long[] latencies;

        Run(String name, int threads, int ops, long wallNanos, long[] latencies) {
            this.name = name;
            this.threads = threads;
            this.ops = ops;
            this.wallNanos = wallNanos;
            this.latencies = latencies;
            Arrays.sort(this.latencies);
        }

        double perSecond() {
            return ops * 1e9 / wallNanos;
        }

        /** Slices of one measurement as one: operations and wall time added, latencies pooled. */
        static Run merge(List<Run> slices) {
            int ops = slices.stream().mapToInt(r -> r.ops).sum();
            long wall = slices.stream().mapToLong(r -> r.wallNanos).sum();
            long[] all = slices.stream().flatMapToLong(r -> Arrays.stream(r.latencies)).toArray();
            return new Run(slices.get(0).name, slices.get(0).threads, ops, wall, all);
        }

        double percentileMillis(double p) {
            return percentileNanos(p) / 1e6;
        }

        double percentileMicros(double p) {
            return percentileNanos(p) / 1e3;
        }

        double maxMillis() {
            return latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6;
        }

        long percentileNanos(double p) {
            if (latencies.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, rank))];
        }
    }

    /** Runs {@code op} on {@code threads} threads until {@code maxOps} operations or {@code maxTime} have passed. */
    static Run measure(String name, int threads, int maxOps, Duration maxTime, Op op) {
        if (maxOps <= 0) {
            return new Run(name, threads, 0, 1, new long[0]);
        }
        AtomicInteger claimed = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[][] latencies = new long[threads][maxOps];
        int[] counts = new int[threads];
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    long deadline = window[0] + maxTime.toNanos();
                    while (failure.get() == null) {
                        int index = claimed.getAndIncrement();
                        if (index >= maxOps || System.nanoTime() > deadline) {
                            break;
                        }
                        long start = System.nanoTime();
                        op.run(thread, index);
                        latencies[thread][counts[thread]++] = System.nanoTime() - start;
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-" + t);
            workers.add(worker);
            worker.start();
        }
        try {
            ready.await();
            window[0] = System.nanoTime();
            go.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long wall = System.nanoTime() - window[0];
        if (failure.get() != null) {
            throw new IllegalStateException(name + " failed", failure.get());
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Run run = new Run(name, threads, total, wall, all);
        System.err.printf(Locale.ROOT, "%-70s %d thr: %6d ops in %6.2f s = %8.1f/s  p50 %.2f ms  p99 %.2f ms%n", name, threads,
                total, wall / 1e9, run.perSecond(), run.percentileMillis(50), run.percentileMillis(99));
        return run;
    }

    static String[] part(String name, ThrowingSupplier work) {
        long[] times = new long[20];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            try {
                work.get();
            } catch (Exception e) {
                throw new IllegalStateException(name, e);
            }
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return new String[] {name, String.format(Locale.ROOT, "%.1f", times[times.length / 2] / 1e6),
                String.format(Locale.ROOT, "%.1f", times[times.length - 1] / 1e6)};
    }

    @FunctionalInterface
    interface ThrowingSupplier {
        Object get() throws Exception;
    }

    // ======================================================================== report

    static void table(List<Run> runs, String unit) {
        report.append("| measurement | threads | ").append(unit).append(" | wall s | ").append(unit)
                .append("/s | p50 ms | p95 ms | p99 ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Run run : runs) {
            report.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", run.name, run.threads,
                    run.ops, run.wallNanos / 1e9, run.perSecond(), run.percentileMillis(50), run.percentileMillis(95),
                    run.percentileMillis(99)));
        }
    }

    /** Runs come in pairs (bare, Bianmin) per thread count. */
    static void ratios(List<Run> runs, String unit) {
        report.append("\n");
        for (int i = 0; i + 1 < runs.size(); i += 2) {
            Run bare = runs.get(i);
            Run bianmin = runs.get(i + 1);
            report.append(String.format(Locale.ROOT,
                    "- %d thread(s): bare %.1f %s/s, Bianmin %.1f %s/s → overhead ratio **%.1f×** (bare ÷ Bianmin throughput); "
                            + "p50 latency ratio %.1f×%n", bare.threads, bare.perSecond(), unit, bianmin.perSecond(), unit,
                    bare.perSecond() / bianmin.perSecond(), bianmin.percentileMillis(50) / bare.percentileMillis(50)));
        }
    }

    static void section(String title, String text) {
        report.append("\n### ").append(title).append("\n\n").append(text).append("\n\n");
    }

    void machineFacts() {
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        String pg = jdbc.queryForObject("select version()", String.class);
        report.append("## Run of ").append(OffsetDateTime.now(SHANGHAI).withNano(0)).append("\n\n")
                .append("- command: `mvn -B -Pbenchmark test`").append(SCALE == 1.0 ? "" : " with `-Dbenchmark.scale=" + SCALE + "`").append("\n")
                .append("- CPUs (nproc): ").append(Runtime.getRuntime().availableProcessors())
                .append("; memory: ").append(memTotal()).append("; load average at the start: ").append(loadAverage()).append("\n")
                .append("- Java: ").append(System.getProperty("java.vm.name")).append(" ").append(System.getProperty("java.runtime.version"))
                .append("; max heap ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB\n")
                .append("- PostgreSQL: ").append(pg).append(" (zonky embedded, server defaults: fsync and synchronous_commit on)\n")
                .append("- application: profile `postgres`, history FULL, authorization on, job executor on, Hikari pool 20; ")
                .append("engine clock fixed at ").append(NOW.atZone(SHANGHAI).toLocalDateTime()).append(" Asia/Shanghai\n");
    }

    static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String loadAverage() {
        return BenchmarkApplication.loadAverage();
    }

    // ======================================================================== 4. the case search

    static final int SEARCH_CASES = 100_000;

    void caseSearch() throws Exception {
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        Integer before = jdbc.queryForObject("select count(*) from case_record", Integer.class);
        int extra = Math.max(0, SEARCH_CASES - before);
        // ended cases of distinct applicants (name, phone), one a minute back from the clock, as a year of a centre would hold
        jdbc.update(HistoricCases.INSERT + """
                select 'BS' || lpad(g::text, 8, '0'), 'SJ-002', '食品经营许可(小餐饮)', 'dept-market', 'window-market', 'ACCEPTED',
                  'COMMITTED', 'COMPLETED', '查询申请人' || g, '11010519900307' || lpad((g % 10000)::text, 4, '0'),
                  '139' || lpad(g::text, 8, '0'), true, false, false, '', '', cast(? as timestamptz) - g * interval '1 minute',
                  cast(? as timestamptz) - g * interval '1 minute', 'clerk', 10, null, 10, cast(? as timestamptz),
                  cast(? as timestamptz), 'benchmark', 'benchmark', 'benchmark', cast(? as timestamptz), 'benchmark', 'benchmark'
                from generate_series(1, ?) g""", Timestamp.from(NOW), Timestamp.from(NOW), Timestamp.from(NOW),
                Timestamp.from(NOW), Timestamp.from(NOW), extra);
        jdbc.execute("analyze case_record");
        Integer total = jdbc.queryForObject("select count(*) from case_record", Integer.class);
        assertThat(total).isGreaterThanOrEqualTo(SEARCH_CASES);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String auth = "Basic " + Base64.getEncoder().encodeToString("clerk:demo".getBytes(StandardCharsets.UTF_8));
        Random random = new Random(7);
        String[] kinds = {"name", "phone", "number", "state page", "window and days"};
        Op search = (thread, i) -> {
            int k = 1 + random.nextInt(Math.max(1, extra));
            String query = switch (i % kinds.length) {
                case 0 -> "q=" + java.net.URLEncoder.encode("查询申请人" + k, StandardCharsets.UTF_8);
                case 1 -> "q=" + String.format("%08d", k).substring(4);
                case 2 -> "q=" + String.format("BS%08d", k);
                case 3 -> "state=COMPLETED&page=" + random.nextInt(50) + "&size=20";
                default -> "window=window-market&from=2026-10-01&to=2026-11-18&page=1&size=20";
            };
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases?" + query))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("case search answered " + response.statusCode() + ": " + response.body());
            }
        };
        measure("warm-up search", 1, 25, Duration.ofSeconds(30), search);
        Run run = measure("GET /api/cases (HTTP, clerk; name, phone digits, case number, state page, window + days in turn)",
                1, 250, Duration.ofSeconds(120), search);
        section("4. Case search over " + String.format(Locale.ROOT, "%,d", total) + " cases",
                "`GET /api/cases` over HTTP with HTTP Basic as a clerk (masking by role included), 250 requests after 25 "
                        + "warm-ups, cycling through: an applicant's name, the last 4 digits of a phone, a case number, a page "
                        + "of ended cases, a window and a range of registration days. " + extra + " ended cases were added with "
                        + "distinct applicants to reach " + SEARCH_CASES + " rows.");
        table(List.of(run), "requests");
    }

    // ======================================================================== helpers

    void deployBareProcesses() {
        // the retention the hall-duty table gives every definition: with another, its poll would set it (EngineHistoryRetention),
        // and the engine would parse the definition again, with Bianmin's global task listeners on its tasks
        int retention = bean(EngineHistoryRetention.class).days();
        BpmnModelInstance bareCase = Bpmn.createExecutableProcess(BARE_CASE).camundaHistoryTimeToLive(retention)
                .startEvent("started")
                .userTask("work").camundaCandidateGroups("window-market").camundaDueDate("${deadline}")
                .endEvent("done")
                .moveToActivity("work").boundaryEvent("late").cancelActivity(false).timerWithDate("${handoverDue}")
                .endEvent("lateRecorded")
                .done();
        BpmnModelInstance bareRoot = Bpmn.createExecutableProcess(BARE_ROOT).camundaHistoryTimeToLive(retention)
                .startEvent("received")
                .callActivity("caseWork").calledElement(BARE_CASE)
                .camundaIn("deadline", "deadline").camundaIn("handoverDue", "handoverDue")
                .endEvent("ended")
                .moveToActivity("caseWork").boundaryEvent("warningTime").cancelActivity(false).timerWithDate("${warnAt}")
                .endEvent("warned")
                .moveToActivity("caseWork").boundaryEvent("deadlineTime").cancelActivity(false).timerWithDate("${deadline}")
                .endEvent("overdue")
                .moveToActivity("caseWork").boundaryEvent("extensionRequested").cancelActivity(false).message("bareExtension")
                .endEvent("extended")
                .moveToActivity("caseWork").boundaryEvent("delayRequested").cancelActivity(false).message("bareDelay")
                .endEvent("delayed")
                .moveToActivity("caseWork").boundaryEvent("proxyEntrusted").cancelActivity(false).message("bareProxy")
                .endEvent("proxied")
                .done();
        ((org.camunda.bpm.model.bpmn.instance.Process) bareRoot.getModelElementById(BARE_ROOT)).builder()
                .eventSubProcess("withdrawal").startEvent("withdrawn").message("bareWithdrawn").endEvent("withdrawalEnded");
        bean(RepositoryService.class).createDeployment().name("benchmark bare processes")
                .addModelInstance(BARE_CASE + ".bpmn", bareCase).addModelInstance(BARE_ROOT + ".bpmn", bareRoot).deploy();
        SameShapeProcesses.deploy(bean(RepositoryService.class), retention);
        SameShapeProcesses.withoutGlobalTaskListeners(bean(RepositoryService.class), BARE_CASE, BARE_ROOT,
                SameShapeProcesses.ROOT, SameShapeProcesses.WORK);
    }

    static void completeAs(TaskService tasks, IdentityService identity, Map<String, List<String>> groups, String instance,
                           String taskKey, String user, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new IllegalStateException("no open task " + taskKey + " in " + instance);
        }
        identity.setAuthentication(user, groups.get(user));
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    static List<String> groupsOf(IdentityService identity, String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    static int scaled(int count) {
        return Math.max(1, (int) Math.round(count * SCALE));
    }

    static <T> T bean(Class<T> type) {
        return app.getBean(type);
    }
}
