package org.bianmin.rules;

import java.time.Instant;
import java.util.List;

/** One stored version of a rule set. */
public record RuleSetVersion(String ruleSet, int version, State state, List<RuleFile> files, String author,
                             Instant createdAt, String comment, Instant publishedAt, String publishedBy, Review review) {

    /**
     * DRAFT → (submitted) PENDING_APPROVAL → (a director) REJECTED, or SCHEDULED until its effective
     * time, or PUBLISHED at once; a PUBLISHED version becomes SUPERSEDED by the next one.
     */
    public enum State {
        DRAFT("草稿"), PENDING_APPROVAL("待审批"), SCHEDULED("已批准, 待生效"), PUBLISHED("生效中"), SUPERSEDED("已被取代"),
        REJECTED("已驳回");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The second pair of eyes: what was submitted on which basis, and the director's decision. */
    public record Review(String basisDocument, Instant effectiveFrom, String submittedBy, Instant submittedAt,
                         String decidedBy, Instant decidedAt, String decisionComment) {
        public static final Review NONE = new Review(null, null, null, null, null, null, null);
    }

    public RuleSetVersion {
        files = List.copyOf(files);
        review = review == null ? Review.NONE : review;
    }

    /** The label cases record, e.g. {@code classification@v3}. */
    public String label() {
        return label(ruleSet, version);
    }

    public static String label(String ruleSet, int version) {
        return ruleSet + "@v" + version;
    }
}
