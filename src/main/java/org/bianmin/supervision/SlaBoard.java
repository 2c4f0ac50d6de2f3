package org.bianmin.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The time-limit board (时限监控): running cases by SLA state, and the cases about to breach or past it. */
public record SlaBoard(OffsetDateTime at, Map<String, Integer> totals, List<Count> byWindow, List<Count> byCaseType,
                       List<AtRisk> atRisk) {

    public record Count(String key, String name, int onTime, int warning, int overdue, int paused) {
    }

    public record AtRisk(String caseNumber, String itemName, String window, String windowName, String caseType,
                         String state, List<String> assignees, OffsetDateTime deadline, long workingMinutesOverdue,
                         String processInstanceId, List<String> assigneeNames, String supervision, String supervisionLabel,
                         Long orderId) {
    }
}
