package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bianmin.notices.NoticeType;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, changes to a running case: the one extension (延期: {@code case-extension}), the delay
 * notice ({@code case-delay}) and the applicant's withdrawal ({@code case-withdrawal} and the
 * message every case process catches), through the REST API and through Tasklist-style starts.
 * SJ-002 registered Wed 2026-09-30 10:00 is due Tue Oct 20 17:30 and warned Fri Oct 16 16:18 (see
 * {@link CaseProcessesPostgresTest}); 5 more working days (5 x 450 minutes) move them to Tue Oct 27
 * 17:30 (Oct 21, 22, 23, 26, 27) and Fri Oct 23 16:18 (72 minutes left of Oct 16, then Oct 19, 20,
 * 21, 22 and 378 minutes of Oct 23).
 */
class CaseAdjustmentsPostgresTest extends CaseProcessTestSupport {

    static final Instant DEADLINE = CaseProcessesPostgresTest.SJ_002_DEADLINE;
    static final Instant WARN_AT = CaseProcessesPostgresTest.SJ_002_WARN_AT;
    static final Instant EXTENDED_DEADLINE = at("2026-10-27T17:30");
    static final Instant EXTENDED_WARN_AT = at("2026-10-23T16:18");

    // ================================================================ extension (延期)

    @Test
    void approvedExtensionMovesTheDeadlineTheTaskDatesAndTheSameTimerJobsAndIssuesANotice() {
        String caseNumber = register("SJ-002", SJ_002);
        ProcessInstance committed = instance(caseNumber, "committed-case");
        complete(openTask(committed, "handOver"));
        Task review = openTask(committed, "review");
        ProcessInstance watchBefore = instance(caseNumber, CaseProcesses.ROOT);
        Job warningBefore = timer(watchBefore, "warningTime");
        Job deadlineBefore = timer(watchBefore, "deadlineTime");

        HttpResponse<String> requested = post("/api/cases/" + caseNumber + "/extensions",
                jsonBody(Map.of("days", 5, "reason", "需等待消防部门出具意见")), CLERK);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        assertThat(record(caseNumber).extensionState()).isEqualTo(CaseRecord.ExtensionState.REQUESTED);
        assertThat(eventRows(caseNumber, "EXTENSION_REQUESTED")).singleElement().asString().startsWith("clerk|window-market|");
        ProcessInstance extension = instance(caseNumber, CaseAdjustments.EXTENSION_PROCESS);
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(watchBefore.getId())
                .processDefinitionKey(CaseAdjustments.EXTENSION_PROCESS).singleResult().getId())
                .as("called by the case's root instance").isEqualTo(extension.getId());
        BpmnAwareTests.assertThat(extension).hasPassed("registerRequest").isWaitingAt("approveExtension");
        BpmnAwareTests.assertThat(extension).variables().containsEntry("requestedBy", CLERK).containsEntry("days", 5);
        Task approve = openTask(extension, "approveExtension");
        assertThat(candidateGroups(approve)).containsExactly("directors");
        assertThat(approve.getDueDate().toInstant()).as("1 working day").isEqualTo(at("2026-10-08T17:30"));
        // a second request while one is pending
        assertError(post("/api/cases/" + caseNumber + "/extensions", jsonBody(Map.of("days", 3, "reason", "再次申请")), CLERK),
                409, "EXTENSION_PENDING");

        clock(at("2026-10-08T09:00"));
        completeAs("director", approve, Map.of("approved", "true", "opinion", "同意延长5个工作日"));

        // the requesting clerk is told the decision in Tasklist
        BpmnAwareTests.assertThat(extension).hasPassed("decideExtension").isWaitingAt("acknowledgeDecision");
        Task told = openTask(extension, "acknowledgeDecision");
        BpmnAwareTests.assertThat(told).isAssignedTo(CLERK);
        assertThat(runtime.getVariable(extension.getId(), "decisionSummary").toString())
                .contains("延期申请已批准", "延长5个工作日", "2026年10月27日 17:30", "陈刚", "同意延长5个工作日");
        completeAs(CLERK, told, Map.of());
        BpmnAwareTests.assertThat(extension).isEnded().hasPassed("extensionDecided");
        CaseRecord extended = record(caseNumber);
        assertThat(extended.extensionState()).isEqualTo(CaseRecord.ExtensionState.APPROVED);
        assertThat(extended.extensionDays()).isEqualTo(5);
        assertThat(extended.deadline()).isEqualTo(EXTENDED_DEADLINE);
        assertThat(extended.warnAt()).isEqualTo(EXTENDED_WARN_AT);
        // the open task's due and follow-up dates, the case variables ...
        Task moved = openTask(committed, "review");
        assertThat(moved.getId()).isEqualTo(review.getId());
        assertThat(moved.getDueDate().toInstant()).isEqualTo(EXTENDED_DEADLINE);
        assertThat(moved.getFollowUpDate().toInstant()).isEqualTo(EXTENDED_WARN_AT);
        assertThat(((Date) runtime.getVariable(committed.getId(), "deadline")).toInstant()).isEqualTo(EXTENDED_DEADLINE);
        assertThat(((Date) runtime.getVariable(committed.getId(), "warnAt")).toInstant()).isEqualTo(EXTENDED_WARN_AT);
        assertThat(runtime.getVariable(committed.getId(), "slaState")).isEqualTo("ON_TIME");
        // ... the summary the task form shows ...
        assertThat(runtime.getVariable(committed.getId(), "caseSummary").toString()).contains("截止 2026年10月27日 17:30")
                .doesNotContain("2026年10月20日");
        // ... and the SLA timers of the same root instance: the same jobs, moved in place
        ProcessInstance watch = instance(caseNumber, CaseProcesses.ROOT);
        assertThat(watch.getId()).isEqualTo(watchBefore.getId());
        assertThat(runningInstances(caseNumber)).isEqualTo(1);
        Job warning = timer(watch, "warningTime");
        assertThat(warning.getId()).isEqualTo(warningBefore.getId());
        assertThat(warning.getDuedate().toInstant()).isEqualTo(EXTENDED_WARN_AT);
        assertThat(timer(watch, "deadlineTime").getId()).isEqualTo(deadlineBefore.getId());
        assertThat(eventRows(caseNumber, "EXTENSION_APPROVED")).singleElement().asString().startsWith("director|window-market|");
        // the extension notice
        assertThat(notices.find(caseNumber, NoticeType.EXTENSION, null).orElseThrow().details())
                .containsEntry("延长时限", "5个工作日").containsEntry("原办结时限", "2026年10月20日 17:30")
                .containsEntry("延长后办结时限", "2026年10月27日 17:30").containsEntry("批准人", "陈刚");
        assertThat(noticeHtml(caseNumber, "extension")).contains("延期告知书", "延长后办结时限", "2026年10月27日 17:30",
                "需等待消防部门出具意见", "陈刚");
        JsonNode details = details(caseNumber);
        assertThat(java.time.OffsetDateTime.parse(details.path("sla").path("deadline").asText()).toInstant())
                .isEqualTo(EXTENDED_DEADLINE);
        // only once
        assertError(post("/api/cases/" + caseNumber + "/extensions", jsonBody(Map.of("days", 2, "reason", "再次申请")), CLERK),
                409, "EXTENSION_ALREADY_USED");
        assertThat(instances(caseNumber, CaseAdjustments.EXTENSION_PROCESS)).isZero();

        // the old times pass quietly; the new ones warn and escalate, recording the approved extension
        fire(warning, EXTENDED_WARN_AT);
        assertThat(runtime.getVariable(committed.getId(), "slaState")).isEqualTo("WARNING");
        Job deadline = timer(watch, "deadlineTime");
        assertThat(deadline.getDuedate().toInstant()).isEqualTo(EXTENDED_DEADLINE);
        fire(deadline, EXTENDED_DEADLINE.plusSeconds(60));
        assertThat(runtime.getVariable(committed.getId(), "slaState")).isEqualTo("OVERDUE");
        assertThat(events(caseNumber, "CASE_OVERDUE")).containsExactly("extension=APPROVED;delayNotice=false");
        assertThat(candidateGroups(openTask(watch, "superviseOverdue"))).containsExactly("supervisors");
    }

    @Test
    void refusedExtensionLeavesTheDeadlineAndCannotBeAskedAgain() {
        String caseNumber = register("SJ-002", SJ_002);
        ProcessInstance committed = instance(caseNumber, "committed-case");
        complete(openTask(committed, "handOver"));
        ProcessInstance watchBefore = instance(caseNumber, CaseProcesses.ROOT);
        adjustments.startExtension(caseNumber, 5, "申请人要求延期", CLERK);
        ProcessInstance extension = instance(caseNumber, CaseAdjustments.EXTENSION_PROCESS);

        completeAs("director", openTask(extension, "approveExtension"), Map.of("approved", "false", "opinion", "理由不充分"));

        BpmnAwareTests.assertThat(extension).hasPassed("decideExtension").isWaitingAt("acknowledgeDecision");
        assertThat(runtime.getVariable(extension.getId(), "decisionSummary").toString()).contains("延期申请未获批准", "理由不充分");
        CaseRecord refused = record(caseNumber);
        assertThat(refused.extensionState()).isEqualTo(CaseRecord.ExtensionState.REFUSED);
        assertThat(refused.deadline()).isEqualTo(DEADLINE);
        assertThat(refused.warnAt()).isEqualTo(WARN_AT);
        assertThat(openTask(committed, "review").getDueDate().toInstant()).isEqualTo(DEADLINE);
        assertThat(instance(caseNumber, CaseProcesses.ROOT).getId()).isEqualTo(watchBefore.getId());
        assertThat(timer(watchBefore, "warningTime").getDuedate().toInstant()).isEqualTo(WARN_AT);
        assertThat(events(caseNumber, "EXTENSION_REFUSED")).containsExactly("理由不充分");
        assertThat(notices.find(caseNumber, NoticeType.EXTENSION, null)).isEmpty();
        assertThat(get("/api/cases/" + caseNumber + "/notices/extension", CLERK, DEMO_PASSWORD, "text/html").statusCode())
                .isEqualTo(404);
        assertError(post("/api/cases/" + caseNumber + "/extensions", jsonBody(Map.of("days", 5, "reason", "再次申请")), CLERK),
                409, "EXTENSION_ALREADY_USED");
    }

    @Test
    void extensionIsRefusedForImmediateCasesAndOutsideOneToTenDaysWithoutChangingAnything() {
        String immediate = register("SJ-001", SJ_001);
        assertError(post("/api/cases/" + immediate + "/extensions", jsonBody(Map.of("days", 1, "reason", "来不及")), CLERK),
                409, "EXTENSION_NOT_ALLOWED");
        assertThatThrownBy(() -> adjustments.startExtension(immediate, 1, "来不及", CLERK))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("EXTENSION_NOT_ALLOWED"));

        String committed = register("SJ-002", SJ_002);
        assertThat(assertError(post("/api/cases/" + committed + "/extensions", jsonBody(Map.of("days", 0, "reason", "x")), CLERK),
                400, null).path("message").asText()).startsWith("days");
        assertThat(assertError(post("/api/cases/" + committed + "/extensions", jsonBody(Map.of("days", 11, "reason", "x")), CLERK),
                400, null).path("message").asText()).startsWith("days");
        assertThat(assertError(post("/api/cases/" + committed + "/extensions", jsonBody(Map.of("days", 5)), CLERK),
                400, null).path("message").asText()).startsWith("reason");
        assertThat(assertError(post("/api/cases/" + committed + "/extensions", jsonBody(Map.of("days", 5, "reason", "  ")), CLERK),
                400, null).path("message").asText()).startsWith("reason");
        assertError(post("/api/cases/BM19990101-0001/extensions", jsonBody(Map.of("days", 5, "reason", "x")), CLERK), 404, null);

        // ten days is the most the time-limit table allows: accepted
        HttpResponse<String> ten = post("/api/cases/" + committed + "/extensions", jsonBody(Map.of("days", 10, "reason", "复杂")), CLERK);
        assertThat(ten.statusCode()).as(ten.body()).isEqualTo(201);
        assertThat(instances(immediate, CaseAdjustments.EXTENSION_PROCESS)).isZero();
        assertThat(record(immediate).extensionState()).isEqualTo(CaseRecord.ExtensionState.NONE);
        assertThat(events(immediate, "EXTENSION_REQUESTED")).isEmpty();
        assertThat(events(committed, "EXTENSION_REQUESTED")).containsExactly("10; 复杂");
    }

    // ================================================================ delay notice (滞办反馈告知书)

    @Test
    void approvedDelayNoticeIsIssuedAndTheLaterOverdueRecordsIt() {
        String caseNumber = register("SJ-002", SJ_002);
        ProcessInstance committed = instance(caseNumber, "committed-case");
        complete(openTask(committed, "handOver"));

        assertError(post("/api/cases/" + caseNumber + "/delay-notices",
                jsonBody(Map.of("until", "2026-09-29", "reason", "等待鉴定")), CLERK), 400, "INVALID_FIELD");
        JsonNode today = assertError(post("/api/cases/" + caseNumber + "/delay-notices",
                jsonBody(Map.of("until", "2026-09-30", "reason", "等待鉴定")), CLERK), 400, null);
        assertThat(today.path("message").asText()).startsWith("until");
        assertThat(assertError(post("/api/cases/" + caseNumber + "/delay-notices",
                jsonBody(Map.of("until", "2026-10-30")), CLERK), 400, null).path("message").asText()).startsWith("reason");
        assertThat(instances(caseNumber, CaseAdjustments.DELAY_PROCESS)).isZero();

        HttpResponse<String> requested = post("/api/cases/" + caseNumber + "/delay-notices",
                jsonBody(Map.of("until", "2026-10-30", "reason", "需等待区卫健部门出具卫生评价意见")), CLERK);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        assertThat(events(caseNumber, "DELAY_NOTICE_REQUESTED")).containsExactly("2026-10-30; 需等待区卫健部门出具卫生评价意见");
        ProcessInstance delay = instance(caseNumber, CaseAdjustments.DELAY_PROCESS);
        BpmnAwareTests.assertThat(delay).isWaitingAt("approveDelay");
        Task approve = openTask(delay, "approveDelay");
        assertThat(candidateGroups(approve)).containsExactly("directors");
        assertThat(approve.getDueDate().toInstant()).isEqualTo(at("2026-10-08T17:30"));

        completeAs("director", approve, Map.of("approved", "true", "opinion", "同意"));
        BpmnAwareTests.assertThat(delay).hasPassed("decideDelay").isWaitingAt("acknowledgeDecision");
        assertThat(runtime.getVariable(delay.getId(), "decisionSummary").toString()).contains("滞办告知已批准", "2026年10月30日");
        CaseRecord delayed = record(caseNumber);
        assertThat(delayed.delayNotice()).isTrue();
        assertThat(delayed.deadline()).as("a delay notice does not move the deadline").isEqualTo(DEADLINE);
        assertThat(notices.find(caseNumber, NoticeType.DELAY, null).orElseThrow().details())
                .containsEntry("滞办时间", "至2026年10月30日").containsEntry("滞办事项", "食品经营许可(小餐饮)")
                .containsEntry("滞办原因", "需等待区卫健部门出具卫生评价意见").containsEntry("批准人", "陈刚")
                .containsEntry("申请人联系方式", "138****8000");
        assertThat(noticeHtml(caseNumber, "delay")).contains("滞办反馈告知书", "滞办原因", "需等待区卫健部门出具卫生评价意见",
                "批准人", "陈刚");
        assertThat(events(caseNumber, "DELAY_NOTICE_ISSUED")).hasSize(1);

        ProcessInstance watch = instance(caseNumber, CaseProcesses.ROOT);
        fire(timer(watch, "warningTime"), WARN_AT);
        fire(timer(watch, "deadlineTime"), DEADLINE.plusSeconds(60));
        assertThat(events(caseNumber, "CASE_OVERDUE")).containsExactly("extension=NONE;delayNotice=true");
    }

    @Test
    void refusedDelayNoticeIssuesNothing() {
        String caseNumber = register("SJ-002", SJ_002);
        adjustments.startDelay(caseNumber, "2026-10-15", "等待检测报告", "13900000000", CLERK);
        completeAs("director", openTask(instance(caseNumber, CaseAdjustments.DELAY_PROCESS), "approveDelay"),
                Map.of("approved", "false", "opinion", "不属于特殊情形"));
        assertThat(record(caseNumber).delayNotice()).isFalse();
        assertThat(events(caseNumber, "DELAY_NOTICE_REFUSED")).containsExactly("不属于特殊情形");
        assertThat(notices.find(caseNumber, NoticeType.DELAY, null)).isEmpty();
    }

    // ================================================================ withdrawal (撤回)

    @Test
    void withdrawalOfACaseInProgressEndsItsProcessWatchAndPendingExtension() {
        String caseNumber = register("SJ-002", SJ_002);
        ProcessInstance committed = instance(caseNumber, "committed-case");
        complete(openTask(committed, "handOver"));
        adjustments.startExtension(caseNumber, 3, "申请人补充说明", CLERK);
        ProcessInstance watch = instance(caseNumber, CaseProcesses.ROOT);
        ProcessInstance extension = instance(caseNumber, CaseAdjustments.EXTENSION_PROCESS);
        assertThat(runningInstances(caseNumber)).as("one root instance; the extension is its called process").isEqualTo(1);

        clock(at("2026-10-09T11:00"));
        HttpResponse<String> response = post("/api/cases/" + caseNumber + "/withdrawal",
                jsonBody(Map.of("reason", "申请人决定暂不经营")), CLERK);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(read(response).path("state").asText()).isEqualTo("WITHDRAWN");

        BpmnAwareTests.assertThat(committed).isEnded().hasNotPassed("completeCase");
        CaseRecord withdrawn = record(caseNumber);
        assertThat(withdrawn.state()).isEqualTo(CaseState.WITHDRAWN);
        assertThat(withdrawn.endedAt()).isEqualTo(at("2026-10-09T11:00"));
        assertThat(finalSlaState(watch)).isEqualTo("MET");
        assertThat(eventRows(caseNumber, "CASE_WITHDRAWN")).singleElement().asString().startsWith("clerk|window-market|");
        assertThat(events(caseNumber, "CASE_WITHDRAWN")).containsExactly("申请人决定暂不经营");
        assertThat(runningInstances(caseNumber)).as("the root, its timers and the pending extension ended too").isZero();
        BpmnAwareTests.assertThat(watch).isEnded().hasPassed("withdrawCase", "caseWithdrawn");
        for (ProcessInstance ended : new ProcessInstance[] {watch, extension, committed}) {
            HistoricProcessInstance historic = history.createHistoricProcessInstanceQuery().processInstanceId(ended.getId()).singleResult();
            assertThat(historic.getEndTime()).isNotNull();
        }
        assertThat(management.createJobQuery().processInstanceId(watch.getId()).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
        assertThat(notices.find(caseNumber, NoticeType.COMPLETION, null)).isEmpty();

        assertError(post("/api/cases/" + caseNumber + "/withdrawal", "{}", CLERK), 409, "CASE_NOT_RUNNING");
        assertError(post("/api/cases/" + caseNumber + "/extensions", jsonBody(Map.of("days", 3, "reason", "x")), CLERK),
                409, "CASE_NOT_RUNNING");
    }

    @Test
    void withdrawalWhileWaitingForTheSupplementEndsTheSupplementProcess() {
        String caseNumber = register("SJ-002", java.util.List.of("APPLICATION_FORM", "BUSINESS_LICENSE"));
        assertThat(record(caseNumber).state()).isEqualTo(CaseState.WAITING_SUPPLEMENT);
        ProcessInstance supplement = instance(caseNumber, CaseProcesses.SUPPLEMENT);
        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);

        HttpResponse<String> response = post("/api/cases/" + caseNumber + "/withdrawal", "", CLERK);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        BpmnAwareTests.assertThat(supplement).isEnded();
        BpmnAwareTests.assertThat(root).isEnded().hasPassed("withdrawCase", "caseWithdrawn").hasNotPassed("caseWork");
        CaseRecord withdrawn = record(caseNumber);
        assertThat(withdrawn.state()).isEqualTo(CaseState.WITHDRAWN);
        assertThat(withdrawn.pausedSince()).isNull();
        assertThat(events(caseNumber, "CASE_WITHDRAWN")).hasSize(1);
        assertThat(runningInstances(caseNumber)).isZero();
        assertThat(instances(caseNumber, "committed-case")).isZero();
        assertError(post("/api/cases/" + caseNumber + "/withdrawal", "{}", CLERK), 409, "CASE_NOT_RUNNING");
    }

    @Test
    void extensionDelayAndWithdrawalAreStepsOfTheCaseNotProcessesAClerkStartsAlone() {
        String caseNumber = register("SJ-002", SJ_002);
        for (String key : new String[] {CaseAdjustments.EXTENSION_PROCESS, CaseAdjustments.DELAY_PROCESS}) {
            assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult().isStartableInTasklist()).as(key).isFalse();
            assertThatThrownBy(() -> startAsClerk(key, Variables.createVariables().putValue("caseNumber", caseNumber)))
                    .as(key).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        }
        assertThat(instances(caseNumber, CaseAdjustments.EXTENSION_PROCESS)).isZero();
        assertThat(record(caseNumber).extensionState()).isEqualTo(CaseRecord.ExtensionState.NONE);
        assertError(post("/engine-rest/process-definition/key/case-withdrawal/start",
                jsonBody(Map.of("variables", Map.of())), CLERK), 404, null);
    }

    // ---------------------------------------------------------------- helpers

    /** The application's error inside what the engine threw. */
    private static ApiException apiError(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        throw new AssertionError("no ApiException in " + thrown, thrown);
    }

    /** Starts a process as Tasklist does: the clerk with the clerk's groups as the engine's authentication. */
    private ProcessInstance startAsClerk(String processKey, Map<String, Object> variables) {
        authenticate(CLERK);
        try {
            return runtime.startProcessInstanceByKey(processKey, variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
