package org.bianmin.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A rule set of Drools decision tables (or DRL) compiled into one shared {@code KieBase}. */
public class DroolsRuleSet implements RuleSetDefinition<CompiledRuleSet> {

    private final String name;
    private final String title;
    private final String description;
    private final Map<String, String> columnHelp;
    private final RuleEngine engine;
    private final Map<String, Map<String, String>> options;
    private volatile Map<String, double[]> ranges = Map.of();
    private volatile java.util.function.UnaryOperator<List<RuleFile>> upgrade = java.util.function.UnaryOperator.identity();
    private volatile String upgradeNote;

    public DroolsRuleSet(String name, String title, String description, Map<String, String> columnHelp, RuleEngine engine) {
        this(name, title, description, columnHelp, engine, Map.of());
    }

    /**
     * @param options the values a data cell may hold with their Chinese labels, by the code snippet of
     *                its column (e.g. {@code outcome.caseType("$param");}): Drools compiles any string,
     *                the running system accepts only these, and the editor offers them as a dropdown
     */
    public DroolsRuleSet(String name, String title, String description, Map<String, String> columnHelp, RuleEngine engine,
                         Map<String, Map<String, String>> options) {
        this.name = name;
        this.title = title;
        this.description = description;
        this.columnHelp = Map.copyOf(columnHelp);
        this.engine = engine;
        this.options = Map.copyOf(options);
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

    /** The range {min, max} of number columns, by code snippet; set once, where the bean is declared. */
    public DroolsRuleSet withRanges(Map<String, double[]> ranges) {
        this.ranges = Map.copyOf(ranges);
        return this;
    }

    /** How a table of an earlier release gains this release's columns (see {@link RuleSetDefinition#upgrade}). */
    public DroolsRuleSet withUpgrade(java.util.function.UnaryOperator<List<RuleFile>> upgrade, String note) {
        this.upgrade = upgrade;
        this.upgradeNote = note;
        return this;
    }

    @Override
    public List<RuleFile> upgrade(List<RuleFile> files) {
        return upgrade.apply(files);
    }

    @Override
    public String upgradeNote() {
        return upgradeNote == null ? RuleSetDefinition.super.upgradeNote() : upgradeNote;
    }

    @Override
    public Map<String, Map<String, String>> columnOptions() {
        return options;
    }

    /** Code → label of an enum whose constants have a Chinese {@code label}, in declaration order. */
    public static <E extends Enum<E>> Map<String, String> labels(E[] values, java.util.function.Function<E, String> label) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (E value : values) {
            labels.put(value.name(), label.apply(value));
        }
        return java.util.Collections.unmodifiableMap(labels);
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
        List<RuleProblem> layout = RuleCompiler.checkMarkers(files);
        if (!layout.isEmpty()) {
            throw new RuleCompilationException(name, layout);
        }
        CompiledRuleSet compiled = engine.compiler().compile(name, version, files);
        Map<String, Set<String>> allowed = new java.util.LinkedHashMap<>();
        options.forEach((snippet, values) -> allowed.put(snippet, values.keySet()));
        List<RuleProblem> problems = new java.util.ArrayList<>(RuleCompiler.checkValues(files, allowed));
        problems.addAll(RuleCompiler.checkRanges(files, ranges));
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(name, problems);
        }
        return compiled;
    }

    @Override
    public void install(String version, CompiledRuleSet compiled) {
        engine.install(compiled);
    }

    @Override
    public InForce<CompiledRuleSet> inForce() {
        return engine.inForce(name);
    }
}
