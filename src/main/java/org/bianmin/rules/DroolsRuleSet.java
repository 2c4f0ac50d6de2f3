package org.bianmin.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A rule set of Drools decision tables (or DRL) compiled into one shared {@code KieBase}. */
public class DroolsRuleSet implements RuleSetDefinition {

    private final String name;
    private final String title;
    private final String description;
    private final Map<String, String> columnHelp;
    private final RuleEngine engine;
    private final Map<String, Set<String>> allowedValues;

    public DroolsRuleSet(String name, String title, String description, Map<String, String> columnHelp, RuleEngine engine) {
        this(name, title, description, columnHelp, engine, Map.of());
    }

    /**
     * @param allowedValues the values a data cell may hold, by the code snippet of its column (e.g.
     *                      {@code outcome.caseType("$param");}): Drools compiles any string, the
     *                      running system accepts only these
     */
    public DroolsRuleSet(String name, String title, String description, Map<String, String> columnHelp, RuleEngine engine,
                         Map<String, Set<String>> allowedValues) {
        this.name = name;
        this.title = title;
        this.description = description;
        this.columnHelp = Map.copyOf(columnHelp);
        this.engine = engine;
        this.allowedValues = Map.copyOf(allowedValues);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Map<String, String> columnHelp() {
        return columnHelp;
    }

    @Override
    public boolean acceptsFileName(String fileName) {
        return fileName.matches("[A-Za-z0-9_.-]+\\.(csv|drl)");
    }

    @Override
    public List<RuleFile> bundledFiles() {
        return RuleEngine.bundledFiles(name);
    }

    @Override
    public CompiledRuleSet compile(String version, List<RuleFile> files) {
        CompiledRuleSet compiled = engine.compiler().compile(name, version, files);
        List<RuleProblem> problems = RuleCompiler.checkValues(files, allowedValues);
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(name, problems);
        }
        return compiled;
    }

    @Override
    public void install(String version, Object compiled) {
        engine.install((CompiledRuleSet) compiled);
    }

    @Override
    public String installedVersion() {
        return engine.installedVersion(name);
    }
}
