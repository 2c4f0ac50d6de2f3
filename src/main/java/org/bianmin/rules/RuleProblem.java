package org.bianmin.rules;

/**
 * A problem found in a rule set, pointing where possible at the file, row and column at fault
 * (1-based): an error refuses the version, a warning is shown and lets it pass.
 */
public record RuleProblem(String file, Integer row, Integer column, String message, Severity severity) {

    public enum Severity { ERROR, WARNING }

    public RuleProblem {
        severity = severity == null ? Severity.ERROR : severity;
    }

    public RuleProblem(String file, Integer row, Integer column, String message) {
        this(file, row, column, message, Severity.ERROR);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file == null ? "" : file);
        if (row != null) {
            where.append(" 第").append(row).append("行/row ").append(row);
        }
        if (column != null) {
            where.append(" 第").append(column).append("列/column ").append(column);
        }
        return where + ": " + message;
    }
}
