package org.bianmin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.bianmin.rules.RuleFile;
import org.bianmin.rules.RulePublication;
import org.bianmin.rules.RuleSetService;
import org.bianmin.rules.RuleSetVersion;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's figure: validate + complete dry run + publication (submission and a director's
 * approval, which puts the version in force) of a catalogue of 1 000 items, against the bare work
 * of the same shape in the same run — compiling the table once, and a bare Camunda process with
 * one user task started and completed.
 */
@Tag("benchmark")
class RulePublicationBenchmark {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = LocalDateTime.parse("2026-11-18T10:00").atZone(SHANGHAI).toInstant();
    static final int ITEMS = Integer.getInteger("benchmark.rules.items", 1_000);
    static final int ROUNDS = 3;

    static BenchmarkApplication bench;

    @BeforeAll
    static void boot() throws IOException {
        bench = BenchmarkApplication.start("bianmin_rules");
    }

    @AfterAll
    static void shutDown() throws IOException {
        ClockUtil.reset();
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void validateDryRunAndPublishOfAThousandRowCatalogue() throws IOException {
        ClockUtil.setCurrentTime(Date.from(NOW));
        RuleSetService rules = bench.bean(RuleSetService.class);
        RulePublication publication = bench.bean(RulePublication.class);
        List<RuleFile> published = rules.publishedFiles("catalogue");
        RepositoryService repository = bench.bean(RepositoryService.class);
        repository.createDeployment().name("bare-approval").addModelInstance("bare-approval.bpmn",
                Bpmn.createExecutableProcess("bare-approval").camundaHistoryTimeToLive(1).startEvent().userTask("approve")
                        .camundaCandidateGroups("directors").endEvent().done()).deploy();
        RuntimeService runtime = bench.bean(RuntimeService.class);
        TaskService tasks = bench.bean(TaskService.class);

        List<double[]> rounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<RuleFile> files = enlarged(published, ITEMS, round);
            double validate = millis(() -> rules.validate("catalogue", files));
            assertThat(rules.validate("catalogue", files).valid()).isTrue();
            rules.saveDraft("catalogue", files, "基准测试", "ruleadmin");
            long start = System.nanoTime();
            RuleSetVersion submitted = publication.submit("catalogue", new RulePublication.Submission("基准测试", null, null, true), "ruleadmin");
            double submit = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            RuleSetVersion approved = publication.decide("catalogue", submitted.version(), true, "同意", "director");
            double approve = (System.nanoTime() - start) / 1e6;
            assertThat(approved.state()).isEqualTo(RuleSetVersion.State.PUBLISHED);
            double compile = millis(() -> rules.definition("catalogue").compile("bare", files));
            double bare = millis(() -> {
                String id = runtime.startProcessInstanceByKey("bare-approval").getId();
                tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId());
                return id;
            });
            rounds.add(new double[] {validate, submit, approve, validate + submit + approve, compile + bare});
        }
        double[] median = new double[5];
        for (int i = 0; i < 5; i++) {
            final int column = i;
            double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
            median[i] = values[values.length / 2];
        }
        String report = "## Rule publication, run of " + OffsetDateTime.now(SHANGHAI).withNano(0) + "\n\n"
                + "- command: `mvn -B -Pbenchmark test -Dtest=RulePublicationBenchmark`\n"
                + "- catalogue of " + ITEMS + " items (" + (ITEMS * 2) + " materials), " + ROUNDS + " rounds, median; CPUs "
                + Runtime.getRuntime().availableProcessors() + ", load average " + BenchmarkApplication.loadAverage() + "\n\n"
                + "| step | ms |\n| --- | ---: |\n"
                + "| validate (compile + complete dry run: every item × 7 situations) | " + round(median[0]) + " |\n"
                + "| submit (compile + complete dry run + dry run of 20 recent cases + approval process) | " + round(median[1]) + " |\n"
                + "| approve (compile, store, put in force) | " + round(median[2]) + " |\n"
                + "| **validate + dry run + publish** | **" + round(median[3]) + "** |\n"
                + "| bare: compile the table once + a one-task Camunda process started and completed | " + round(median[4]) + " |\n"
                + "| overhead ratio | " + String.format("%.1f×", median[3] / median[4]) + " |\n";
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "rule-publication.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }

    /** The shipped catalogue plus generated committed items (each with a main and a general material) up to {@code items}. */
    static List<RuleFile> enlarged(List<RuleFile> files, int items, int round) {
        List<RuleFile> result = new ArrayList<>();
        String shippedItems = files.stream().filter(f -> f.name().equals("items.csv")).map(f -> new String(f.content(), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
        long added = items - Arrays.stream(shippedItems.split("\n")).skip(1).filter(l -> !l.isBlank()).count();
        for (RuleFile file : files) {
            String text = new String(file.content(), StandardCharsets.UTF_8);
            StringBuilder more = new StringBuilder(text.endsWith("\n") ? text : text + "\n");
            for (int i = 0; i < added; i++) {
                String code = "BM-" + String.format("%04d", i);
                if (file.name().equals("items.csv")) {
                    more.append(code).append(",基准事项").append(i).append(",dept-market,window-market,COMMITTED,").append(5 + (i + round) % 10)
                            .append(",20,CENTRE,,false,0,基准测试,false\n");
                } else if (file.name().equals("materials.csv")) {
                    more.append(code).append(",APPLICATION_FORM,申请表,true\n").append(code).append(",ID_COPY,身份证复印件,false\n");
                }
            }
            result.add(new RuleFile(file.name(), more.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return result;
    }

    private static double millis(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static long round(double value) {
        return Math.round(value);
    }
}
