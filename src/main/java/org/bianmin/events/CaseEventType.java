package org.bianmin.events;

/** Typed events the processes and services emit; accountability and assessment rules read them. */
public enum CaseEventType {
    CASE_REGISTERED,
    DENIAL_FILED,
    DENIAL_FILING_OVERDUE,
    SUPPLEMENT_RECEIVED,
    CASE_OVERDUE,
    CASE_COMPLETED
}
