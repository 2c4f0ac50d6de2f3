package org.bianmin.events;

/** Typed events the processes and services emit; accountability and assessment rules read them. */
public enum CaseEventType {
    CASE_REGISTERED,
    SUPPLEMENT_RECEIVED,
    DENIAL_FILED,
    DENIAL_FILING_OVERDUE,
    CASE_WARNING,
    /** Past the deadline; details say whether an extension was approved or a delay notice issued. */
    CASE_OVERDUE,
    HANDOVER_OVERDUE,
    FORWARD_OVERDUE,
    PROXY_DELIVERY_OVERDUE,
    JOINT_PART_OVERDUE,
    JOINT_PART_DONE,
    DISTRICT_RESULT_RECORDED,
    EXTENSION_REQUESTED,
    EXTENSION_APPROVED,
    EXTENSION_REFUSED,
    DELAY_NOTICE_REQUESTED,
    DELAY_NOTICE_ISSUED,
    DELAY_NOTICE_REFUSED,
    CASE_COMPLETED,
    CASE_REJECTED,
    CASE_RETURNED,
    CASE_WITHDRAWN,
    /** A new calendar version moved the case's deadline or warning time (details: old → new, version). */
    CALENDAR_REPLANNED,
    /** Hall duties (staff rather than case events; case number may be null). */
    POST_VACANT,
    FIRST_INQUIRY_BREACH,
    SUPPLEMENT_NOT_NOTIFIED,
    MATERIALS_LOST,
    APPOINTMENT_MISSED,
    COMPLAINT_VERIFIED,
    COMPLAINT_REPLY_OVERDUE,
    BAD_EVALUATION_CONFIRMED,
    EVALUATION_RECTIFICATION_OVERDUE
}
