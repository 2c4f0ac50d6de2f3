package org.bianmin.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.DecisionTableConfiguration;
import org.kie.internal.builder.DecisionTableInputType;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.api.runtime.KieContainer;
import org.springframework.stereotype.Component;

/**
 * Compiles a rule set's files into a fresh {@link KieBase}. The module is removed from the KIE
 * repository right after, so repeated compilations (validation, publishing) do not pile up.
 */
@Component
public class RuleCompiler {

    private static final AtomicLong BUILDS = new AtomicLong();
    /** Decision-table rules are named {@code <Table>_<row>}; DRL errors name lines. */
    private static final Pattern TABLE_ROW = Pattern.compile("[A-Za-z\\p{IsHan}0-9]+_(\\d+)");
    private static final Pattern LINE_COLUMN = Pattern.compile("\\[(\\d+),(\\d+)\\]");

    public CompiledRuleSet compile(String ruleSet, String version, List<RuleFile> files) {
        if (files.isEmpty()) {
            throw new RuleCompilationException(ruleSet, List.of(new RuleProblem(null, null, null, "规则集没有文件 / no rule files")));
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("org.bianmin.rules", ruleSet.replaceAll("[^A-Za-z0-9]", "-"),
                "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (RuleFile file : files) {
            Resource resource = ks.getResources().newByteArrayResource(file.content());
            // write(path, resource) silently drops decision tables: give the source path to the resource itself
            resource.setSourcePath("src/main/resources/rules/" + ruleSet + "/" + file.name());
            if (file.isDecisionTable()) {
                DecisionTableConfiguration configuration = KnowledgeBuilderFactory.newDecisionTableConfiguration();
                configuration.setInputType(file.name().toLowerCase().endsWith(".csv")
                        ? DecisionTableInputType.CSV : DecisionTableInputType.XLSX);
                resource.setResourceType(ResourceType.DTABLE);
                resource.setConfiguration(configuration);
            }
            kfs.write(resource);
        }
        ClassLoader classLoader = RuleCompiler.class.getClassLoader();
        List<RuleProblem> problems = new ArrayList<>();
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs, classLoader).buildAll();
        } catch (RuntimeException e) {
            // the decision-table parser reports layout errors (unknown keyword, bad cell) by throwing
            throw new RuleCompilationException(ruleSet, List.of(problemOf(null, rootMessage(e))));
        }
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = message.getPath();
            String file = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
            problems.add(problemOf(file, message.getText()));
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(ruleSet, problems);
        }
        try {
            KieContainer container = ks.newKieContainer(releaseId, classLoader);
            KieBase kieBase = container.getKieBase();
            int rules = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
            if (rules == 0) {
                throw new RuleCompilationException(ruleSet, List.of(new RuleProblem(null, null, null,
                        "编译结果没有任何规则 / the files compiled to no rules")));
            }
            return new CompiledRuleSet(ruleSet, version, kieBase, rules);
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static RuleProblem problemOf(String file, String text) {
        Integer row = null;
        Integer column = null;
        Matcher rowMatch = TABLE_ROW.matcher(text);
        if (file != null && file.toLowerCase().endsWith(".drl")) {
            Matcher lc = LINE_COLUMN.matcher(text);
            if (lc.find()) {
                row = Integer.parseInt(lc.group(1));
                column = Integer.parseInt(lc.group(2)) + 1;
            }
        } else if (rowMatch.find()) {
            row = Integer.parseInt(rowMatch.group(1));
        }
        return new RuleProblem(file, row, column, text.strip());
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
