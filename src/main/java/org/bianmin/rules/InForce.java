package org.bianmin.rules;

import java.util.concurrent.atomic.AtomicReference;

/**
 * What of one rule set is in force on this node: the version's label and what it compiled to,
 * swapped as one, so a reader never sees the label of one version with the content of another.
 * Each {@link RuleSetDefinition} has one; its feature reads the value from it.
 */
public final class InForce<T> {

    /** A version in force: its label (e.g. {@code catalogue@v3}) and its compiled form. */
    public record Version<T>(String label, T value) {
    }

    private final String ruleSet;
    private final AtomicReference<Version<T>> current = new AtomicReference<>();

    /** Nothing in force until the first {@link #put}. */
    public InForce(String ruleSet) {
        this.ruleSet = ruleSet;
    }

    /** In force from the start: what the application ships, until the stored version is put in force. */
    public InForce(String ruleSet, String label, T value) {
        this(ruleSet);
        put(label, value);
    }

    /** The version in force; callers keep it for one computation, so that a swap cannot split it. */
    public Version<T> get() {
        Version<T> version = current.get();
        if (version == null) {
            throw new IllegalStateException("rule set " + ruleSet + " is not in force yet / 规则集未加载");
        }
        return version;
    }

    public T value() {
        return get().value();
    }

    /** The label in force, null before the first {@link #put}. */
    public String label() {
        Version<T> version = current.get();
        return version == null ? null : version.label();
    }

    public void put(String label, T value) {
        current.set(new Version<>(label, value));
    }
}
