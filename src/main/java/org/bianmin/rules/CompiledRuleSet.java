package org.bianmin.rules;

import org.kie.api.KieBase;

/** A compiled, immutable version of a rule set, shared by all evaluations until replaced. */
public record CompiledRuleSet(String name, String version, KieBase kieBase, int ruleCount) {
}
