package org.bianmin.sla;

import java.time.Instant;

/** The SLA state of a case or timed task. */
public enum SlaState {
    ON_TIME("正常"),
    WARNING("即将超期"),
    OVERDUE("已超期"),
    PAUSED("暂停计时(待补正)"),
    MET("按时办结"),
    BREACHED("超期办结");

    private final String label;

    SlaState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state of a running, unpaused limit at {@code now}. */
    public static SlaState running(Instant now, Instant warnAt, Instant deadline) {
        if (deadline != null && now.isAfter(deadline)) {
            return OVERDUE;
        }
        if (warnAt != null && !now.isBefore(warnAt)) {
            return WARNING;
        }
        return ON_TIME;
    }

    /** The final state of a limit that ended at {@code endedAt}. */
    public static SlaState ended(Instant endedAt, Instant deadline) {
        return deadline != null && endedAt.isAfter(deadline) ? BREACHED : MET;
    }
}
