package org.bianmin.rules;

/** A compilation problem, pointing where possible at the file, row and column at fault (1-based). */
public record RuleProblem(String file, Integer row, Integer column, String message) {

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
