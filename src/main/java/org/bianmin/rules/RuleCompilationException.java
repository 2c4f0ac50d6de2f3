package org.bianmin.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that does not compile; the running rules stay as they were. */
public class RuleCompilationException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleCompilationException(String ruleSet, List<RuleProblem> problems) {
        super("规则集 " + ruleSet + " 无法编译 / rule set " + ruleSet + " does not compile: "
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
