package org.bianmin.supervision;

import java.time.Instant;

/** A 督办单: who asked whom to do what on a case, by when the answer is due, and what came of it. */
public record SupervisionOrder(long id, String caseNumber, String window, String instruction, String issuedBy, Instant issuedAt,
                               String responsible, Instant replyDue, State state, String replyText, Instant repliedAt,
                               Instant escalatedAt, String secondNote, String secondBy) {

    /** OPEN → REPLIED, or OPEN → ESCALATED (二次督办) → REPLIED; CLOSED when the case ended unanswered. */
    public enum State {
        OPEN("待回复"), ESCALATED("逾期未回复, 已报中心领导"), REPLIED("已回复"), CLOSED("案件已结束, 未回复");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Still waiting for the responsible person's answer. */
        public boolean awaitsReply() {
            return this == OPEN || this == ESCALATED;
        }
    }

    public boolean repliedLate() {
        return repliedAt != null && repliedAt.isAfter(replyDue);
    }
}
