package org.bianmin.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The Drools rule sets in force, one shared {@code KieBase} each, evaluated with a fresh session
 * per call. {@link #install} swaps a set atomically: an evaluation that already took the old
 * version finishes on it, the next one uses the new. Versions come from the database
 * ({@code RuleSetService}); {@link #withBundled} compiles the files of {@code rules/} directly.
 */
@Service
public class RuleEngine {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

    private final RuleCompiler compiler;
    private final Map<String, InForce<CompiledRuleSet>> current = new ConcurrentHashMap<>();

    public RuleEngine(RuleCompiler compiler) {
        this.compiler = compiler;
    }

    /** An engine with the given rule sets compiled from {@code rules/} (tests, tools). */
    public static RuleEngine withBundled(RuleCompiler compiler, String... ruleSets) {
        RuleEngine engine = new RuleEngine(compiler);
        for (String ruleSet : ruleSets) {
            List<RuleFile> files = bundledFiles(ruleSet);
            engine.install(compiler.compile(ruleSet, bundledVersion(files), files));
        }
        return engine;
    }

    /** The result of one evaluation: which version decided it and which rules fired, in order. */
    public record Evaluation(String version, List<String> firedRules) {
    }

    public Evaluation evaluate(String ruleSet, Map<String, Object> globals, Object... facts) {
        return evaluate(compiled(ruleSet), globals, facts);
    }

    /** Evaluates a given version, e.g. a draft in a dry run. */
    public static Evaluation evaluate(CompiledRuleSet set, Map<String, Object> globals, Object... facts) {
        KieSession session = set.kieBase().newKieSession();
        List<String> fired = new ArrayList<>();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            globals.forEach(session::setGlobal);
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return new Evaluation(set.version(), List.copyOf(fired));
    }

    public CompiledRuleSet compiled(String ruleSet) {
        return inForce(ruleSet).value();
    }

    /** What of a Drools rule set is in force on this node. */
    public InForce<CompiledRuleSet> inForce(String ruleSet) {
        return current.computeIfAbsent(ruleSet, InForce::new);
    }

    /** Puts a compiled version in force. */
    public void install(CompiledRuleSet compiled) {
        inForce(compiled.name()).put(compiled.version(), compiled);
        log.info("Rule set {} version {} in force: {} rules", compiled.name(), compiled.version(), compiled.ruleCount());
    }

    public String installedVersion(String ruleSet) {
        return inForce(ruleSet).label();
    }

    public RuleCompiler compiler() {
        return compiler;
    }

    public static List<RuleFile> bundledFiles(String ruleSet) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:rules/" + ruleSet + "/*");
            List<RuleFile> files = new ArrayList<>();
            for (Resource resource : Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                String name = resource.getFilename();
                if (name != null && name.matches("(?i).+\\.(csv|xlsx|xls|drl)")) {
                    files.add(new RuleFile(name, resource.getInputStream().readAllBytes()));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bundled set's version names its content, so the same files always give the same version. */
    static String bundledVersion(List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update(file.content());
            }
            return "bundled-" + HexFormat.of().formatHex(digest.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
