package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bianmin.cases.classification.ApplicationFacts;
import org.bianmin.cases.classification.ClassificationOutcome;
import org.junit.jupiter.api.Test;

/**
 * Hot reload: while several threads classify in a loop, another installs two versions of the
 * classification table alternately. Every evaluation is decided wholly by the one version it
 * reports — never a mixture, never an exception.
 */
class RuleEngineSwapTest {

    private static final int EVALUATORS = 4;
    private static final int INSTALLS = 60;

    @Test
    void evaluationsInFlightFinishOnTheVersionTheyTookWhileInstallsSwapAtomically() throws Exception {
        RuleCompiler compiler = new RuleCompiler();
        List<RuleFile> original = RuleEngine.bundledFiles("classification");
        String text = new String(original.get(0).content(), StandardCharsets.UTF_8);
        String supplementText = RuleCompilerTest.replaceOnce(text, "材料齐全受理,处理方式,,,,,,ACCEPTED,",
                "材料齐全受理,处理方式,,,,,,SUPPLEMENT,");
        CompiledRuleSet accepting = compiler.compile("classification", "classification@v1", original);
        CompiledRuleSet supplementing = compiler.compile("classification", "classification@v2",
                List.of(new RuleFile("classification.csv", supplementText.getBytes(StandardCharsets.UTF_8))));
        Map<String, String> expected = Map.of("classification@v1", "ACCEPTED", "classification@v2", "SUPPLEMENT");

        RuleEngine engine = new RuleEngine(compiler);
        engine.install(accepting);

        AtomicBoolean installing = new AtomicBoolean(true);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<String> inconsistent = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        AtomicInteger evaluations = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(EVALUATORS + 1);
        try {
            for (int t = 0; t < EVALUATORS; t++) {
                pool.submit(() -> {
                    start.await();
                    // at least a few evaluations each, and on until the installer is done
                    for (int i = 0; i < 20 || installing.get(); i++) {
                        try {
                            // a complete, lawful application of a committed item: the last Disposition row decides
                            ApplicationFacts facts = new ApplicationFacts("SJ-002", "COMMITTED", "CENTRE", 0, false, true,
                                    false, false, false, 0, 0);
                            ClassificationOutcome outcome = new ClassificationOutcome();
                            RuleEngine.Evaluation evaluation = engine.evaluate("classification", Map.of("outcome", outcome), facts);
                            seen.computeIfAbsent(evaluation.version(), v -> new AtomicInteger()).incrementAndGet();
                            evaluations.incrementAndGet();
                            if (!expected.containsKey(evaluation.version())
                                    || !expected.get(evaluation.version()).equals(outcome.disposition())
                                    || !"COMMITTED".equals(outcome.caseType())
                                    || !evaluation.firedRules().equals(List.of("材料齐全受理", "需审核承诺办结"))) {
                                inconsistent.add(evaluation.version() + " -> " + outcome.disposition() + "/" + outcome.caseType()
                                        + " " + evaluation.firedRules());
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                            return null;
                        }
                    }
                    return null;
                });
            }
            Future<?> installer = pool.submit(() -> {
                start.await();
                try {
                    for (int i = 0; i < INSTALLS; i++) {
                        engine.install(i % 2 == 0 ? supplementing : accepting);
                        // let some evaluations run between swaps without sleeping
                        int before = evaluations.get();
                        while (evaluations.get() < before + 5 && failures.isEmpty()) {
                            Thread.onSpinWait();
                        }
                    }
                } finally {
                    installing.set(false);
                }
                return null;
            });
            start.countDown();
            installer.get(2, TimeUnit.MINUTES);
            pool.shutdown();
            assertThat(pool.awaitTermination(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).isEmpty();
        assertThat(inconsistent).isEmpty();
        assertThat(seen.keySet()).isEqualTo(Set.of("classification@v1", "classification@v2"));
        assertThat(evaluations.get()).isGreaterThanOrEqualTo(INSTALLS * 5);
        // the last install (i = 59, odd) put v1 back
        assertThat(engine.installedVersion("classification")).isEqualTo("classification@v1");
    }

    @Test
    void aVersionHeldByACallerStaysUsableAfterItWasReplaced() {
        RuleCompiler compiler = new RuleCompiler();
        RuleEngine engine = RuleEngine.withBundled(compiler, "classification");
        CompiledRuleSet old = engine.compiled("classification");
        assertThat(old.version()).startsWith("bundled-");
        engine.install(compiler.compile("classification", "classification@v9", RuleEngine.bundledFiles("classification")));
        assertThat(engine.installedVersion("classification")).isEqualTo("classification@v9");

        ClassificationOutcome outcome = new ClassificationOutcome();
        RuleEngine.Evaluation evaluation = RuleEngine.evaluate(old, Map.of("outcome", outcome),
                new ApplicationFacts("SJ-002", "COMMITTED", "CENTRE", 0, false, false, false, false, false, 0, 0));
        assertThat(evaluation.version()).isEqualTo(old.version());
        assertThat(outcome.disposition()).isEqualTo("RETURNED");
    }
}
