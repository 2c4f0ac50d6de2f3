package org.bianmin.rules;

import java.time.Instant;
import java.util.List;

/** One stored version of a rule set. */
public record RuleSetVersion(String ruleSet, int version, State state, List<RuleFile> files, String author,
                             Instant createdAt, String comment, Instant publishedAt, String publishedBy) {

    public enum State { DRAFT, PUBLISHED, SUPERSEDED }

    public RuleSetVersion {
        files = List.copyOf(files);
    }

    /** The label cases record, e.g. {@code classification@v3}. */
    public String label() {
        return label(ruleSet, version);
    }

    public static String label(String ruleSet, int version) {
        return ruleSet + "@v" + version;
    }
}
