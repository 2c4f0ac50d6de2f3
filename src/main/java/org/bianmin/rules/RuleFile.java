package org.bianmin.rules;

/** One file of a rule set: a Drools decision table (.csv, .xlsx) or DRL, with its name inside the set. */
public record RuleFile(String name, byte[] content) {

    public boolean isDecisionTable() {
        String lower = name.toLowerCase();
        return lower.endsWith(".csv") || lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }
}
