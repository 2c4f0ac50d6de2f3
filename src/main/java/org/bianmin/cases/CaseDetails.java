package org.bianmin.cases;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.bianmin.catalogue.CaseType;
import org.bianmin.sla.SlaState;

/**
 * {@code GET /api/cases/{caseNumber}}: the case as a clerk or supervisor sees it (personal data in
 * clear for the people of the case, masked for others), with its root process instance, its
 * timeline and the actions the viewer may take.
 */
public record CaseDetails(String caseNumber, String itemCode, String itemName, String department, String window,
                          Disposition disposition, String dispositionLabel, CaseType caseType, String caseTypeLabel,
                          CaseState state, String stateLabel, ApplicantView applicant, OffsetDateTime receivedAt,
                          OffsetDateTime registeredAt, String registeredBy, String timeLimit, Sla sla,
                          List<String> submittedMaterials, List<RegistrationResult.MaterialView> missingMaterials,
                          String reason, String basis, List<TaskView> openTasks, List<EventView> escalations,
                          List<RegistrationResult.NoticeView> notices, Map<String, String> ruleVersions,
                          List<String> firedRules, List<EventView> events, String processInstanceId,
                          List<CaseTimelineEntry> timeline, List<CaseActions.ActionView> actions,
                          List<RegistrationResult.MaterialView> materialsReceived, String windowName, String departmentName,
                          String registeredByName, String extensionLabel, boolean delayNoticeIssued,
                          List<org.bianmin.rules.RuleTrace.Row> ruleTrace, OffsetDateTime supplementDue,
                          List<?> supervisionOrders) {

    /** {@code masked}: the viewer does not belong to the case and reads masks of the ID number and phone. */
    public record ApplicantView(String name, String idNumber, String phone, String organization, boolean masked) {
    }

    public record Sla(OffsetDateTime deadline, OffsetDateTime warnAt, SlaState state, String stateLabel, long pausedMinutes, boolean provisional) {
    }

    public record TaskView(String id, String name, String taskDefinitionKey, String assignee, List<String> candidateGroups,
                           OffsetDateTime created, OffsetDateTime due, OffsetDateTime followUp, String assigneeName) {
    }

    /** An event of the case: its code, its Chinese label, who (id and name), when, what. */
    public record EventView(String type, String label, OffsetDateTime occurredAt, String staff, String staffName, String details) {
    }
}
