package org.bianmin.rules;

import java.util.List;

/**
 * A kind of rule set Bianmin versions in the database and administrators edit: how its files are
 * checked and compiled, and how a compiled version is put in force. Features contribute their
 * definitions as beans (classification tables, the catalogue, the calendar, ...).
 *
 * @param <T> what a version compiles to (a Drools {@code CompiledRuleSet}, the {@code Catalogue}, the calendar years, ...)
 */
public interface RuleSetDefinition<T> {

    /** Stable name, used in the API and as the folder of {@code rules/}. */
    String name();

    /** Chinese title shown to administrators. */
    String title();

    /** What the rule set decides, in Chinese, for the editor. */
    String description();

    /** Whether a version's file names are fixed (true) or files may be added, e.g. a calendar year. */
    default boolean fixedFiles() {
        return true;
    }

    /** Whether a file name is acceptable in this rule set. */
    default boolean acceptsFileName(String name) {
        return name.matches("[A-Za-z0-9_.-]+\\.csv");
    }

    /** Chinese explanations of a file's columns, by header cell, for the grid editor (may be empty). */
    default java.util.Map<String, String> columnHelp() {
        return java.util.Map.of();
    }

    /**
     * The values a column may hold, code → Chinese label in the order the editor offers them: by the
     * header cell of a plain table, or by the code snippet of a decision-table column (e.g.
     * {@code outcome.caseType("$param");}). The editor shows a dropdown of the labels and stores the code.
     */
    default java.util.Map<String, java.util.Map<String, String>> columnOptions() {
        return java.util.Map.of();
    }

    /** Plain-table columns (by header cell) that hold several of their options, codes joined by {@code ;}. */
    default java.util.Set<String> multiValueColumns() {
        return java.util.Set.of();
    }

    /** A file of the set by its Chinese name, for the editor and for the changes a director reads. */
    default String fileTitle(String fileName) {
        return title();
    }

    /** The files shipped in {@code rules/<name>/}, the first version of a new installation. */
    List<RuleFile> bundledFiles();

    /** Checks and builds what the running system uses; throws {@link RuleCompilationException} naming row and column. */
    T compile(String version, List<RuleFile> files);

    /** What of this rule set is in force on this node: the one place its feature reads it from. */
    InForce<T> inForce();

    /** Puts a compiled version in force, atomically for its users. */
    default void install(String version, T compiled) {
        inForce().put(version, compiled);
    }

    /**
     * On the node that publishes (or rolls back), once, after the version is stored and before this node
     * installs it: what a publication changes beyond the rules in force (the calendar re-plans open cases).
     */
    default void publishing(String version, T compiled) {
    }

    /**
     * A version's files in this release's layout: a table an earlier release wrote gains the columns
     * added since, filled so that it decides as before. Applied to the stored versions at start (a
     * published one is superseded by its upgrade), to every draft saved and to a rollback's target.
     */
    default List<RuleFile> upgrade(List<RuleFile> files) {
        return files;
    }

    /** What {@link #upgrade} adds, in Chinese, for the audit and the version's comment. */
    default String upgradeNote() {
        return "按新版系统的表格式补齐列, 规则内容不变";
    }

    /** The version in force on this node, null before the first install. */
    default String installedVersion() {
        return inForce().label();
    }
}
