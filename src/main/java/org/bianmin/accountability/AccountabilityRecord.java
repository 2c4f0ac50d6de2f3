package org.bianmin.accountability;

import java.math.BigDecimal;
import java.time.Instant;

/** A proposed measure for one event, confirmed or dismissed by a supervisor with a reason. */
public record AccountabilityRecord(long id, String eventSource, long eventId, String triggerType, String caseNumber,
                                   String staff, String window, Instant occurredAt, int occurrence, String measure,
                                   BigDecimal fineYuan, String ruleVersion, String ruleName, State state, String reviewer,
                                   String reviewReason, Instant createdAt, Instant decidedAt, String statement,
                                   Instant statementAt, Instant statementDue) {

    public enum State { PROPOSED, CONFIRMED, DISMISSED }

    /** The same record as stored under {@code id}. */
    public AccountabilityRecord withId(long id) {
        return new AccountabilityRecord(id, eventSource, eventId, triggerType, caseNumber, staff, window, occurredAt, occurrence,
                measure, fineYuan, ruleVersion, ruleName, state, reviewer, reviewReason, createdAt, decidedAt, statement, statementAt,
                statementDue);
    }
}
