package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bianmin.notices.NoticeType;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, every path of {@code forwarded-case} (上报件) and {@code joint-case} (联办件), registered
 * with the engine clock at Wed 2026-09-30 10:00 (+08:00), before the National Day holidays.
 */
class ForwardedAndJointCasesPostgresTest extends CaseProcessTestSupport {

    /**
     * RS-004: the district's 20 working days. Oct 8, 9, 10 (make-up Saturday), 12-16, 19-23, 26-30,
     * Nov 2, 3 -> Tue Nov 3 17:30. 80% of 360 + 20 x 450 = 9360 minutes is 7488 = 360 + 15 days (to
     * Oct 27) + 378 minutes of Wed Oct 28 -> 16:18 (earlier than "one day left", Mon Nov 2 17:30).
     */
    static final Instant RS_004_DEADLINE = at("2026-11-03T17:30");
    static final Instant RS_004_WARN_AT = at("2026-10-28T16:18");
    /** 0.5 working day (225 minutes) from 10:00: 120 before noon, 105 from 13:30. */
    static final Instant HANDOVER_DUE = at("2026-09-30T15:15");
    /**
     * ZH-001: 10 working days -> Tue Oct 20 17:30, warned Fri Oct 16 16:18; each department's part
     * has 70% of the 4860 working minutes: 3402 = 360 + 6 days (Oct 8, 9, 10, 12, 13, 14) + 342
     * minutes of Thu Oct 15 (210 before noon, 132 from 13:30) -> 15:42.
     */
    static final Instant PART_DUE = at("2026-10-15T15:42");

    // ================================================================ forwarded-case

    @Test
    void forwardedCaseIsForwardedDeliveredChasedAndClosedByTheDistrictsReport() {
        String caseNumber = register("RS-004", RS_004);
        CaseRecord registered = record(caseNumber);
        assertThat(registered.deadline()).isEqualTo(RS_004_DEADLINE);
        assertThat(registered.warnAt()).isEqualTo(RS_004_WARN_AT);
        ProcessInstance forwarded = instance(caseNumber, "forwarded-case");
        BpmnAwareTests.assertThat(forwarded).isWaitingAt("prepareForward");
        Task prepare = openTask(forwarded, "prepareForward");
        BpmnAwareTests.assertThat(prepare).hasCandidateGroup("window-general").hasCandidateUser(CLERK);
        assertThat(prepare.getDueDate().toInstant()).isEqualTo(HANDOVER_DUE);
        assertThat(prepare.getFollowUpDate().toInstant()).isEqualTo(HANDOVER_DUE);

        // nothing to report before the case went to the district
        assertError(post("/api/cases/" + caseNumber + "/district-result", jsonBody(Map.of("approved", true)), CLERK),
                409, "NOT_WAITING_FOR_DISTRICT");
        assertThat(events(caseNumber, "DISTRICT_RESULT_RECORDED")).isEmpty();

        // not forwarded within 0.5 working day: recorded, the task stays
        Job forwardLate = timer(forwarded, "forwardLate");
        assertThat(forwardLate.getDuedate().toInstant()).isEqualTo(HANDOVER_DUE);
        fire(forwardLate, at("2026-09-30T15:16"));
        assertThat(eventRows(caseNumber, "FORWARD_OVERDUE")).singleElement().asString().startsWith("clerk|window-hrss|");
        BpmnAwareTests.assertThat(forwarded).hasPassed("recordForwardLate", "forwardLateRecorded").isWaitingAt("prepareForward");

        clock(at("2026-09-30T15:30"));
        completeAs(CLERK, prepare, Map.of("handlingNote", "已报送区人社局"));
        BpmnAwareTests.assertThat(forwarded).isWaitingAt("confirmDelivery");
        Task delivery = openTask(forwarded, "confirmDelivery");
        assertThat(candidateGroups(delivery)).containsExactly("window-hrss");
        assertThat(delivery.getDueDate().toInstant()).as("24 hours, not working time").isEqualTo(at("2026-10-01T15:30"));

        // the proxy has not delivered after 25 hours (a holiday): recorded, the task stays
        Job deliveryLate = timer(forwarded, "deliveryLate");
        assertThat(deliveryLate.getDuedate().toInstant()).isEqualTo(at("2026-10-01T15:30"));
        fire(deliveryLate, at("2026-10-01T16:30"));
        assertThat(eventRows(caseNumber, "PROXY_DELIVERY_OVERDUE")).singleElement().asString().startsWith("clerk|window-hrss|");
        assertThat(eventTime(caseNumber, "PROXY_DELIVERY_OVERDUE")).isEqualTo(at("2026-10-01T16:30"));
        BpmnAwareTests.assertThat(forwarded).hasPassed("recordDeliveryLate").isWaitingAt("confirmDelivery");

        clock(at("2026-10-08T09:00"));
        completeAs("hrss-b", delivery, Map.of("handlingNote", "代办员已送达"));
        BpmnAwareTests.assertThat(forwarded).isWaitingAt("recordDistrictResult");
        Task result = openTask(forwarded, "recordDistrictResult");
        assertThat(candidateGroups(result)).containsExactly("window-hrss");
        assertThat(result.getDueDate().toInstant()).isEqualTo(RS_004_DEADLINE);
        assertThat(result.getFollowUpDate().toInstant()).isEqualTo(RS_004_WARN_AT);

        // at the warning the window must chase the district
        ProcessInstance watch = instance(caseNumber, CaseProcesses.ROOT);
        Job warning = timer(watch, "warningTime");
        assertThat(warning.getDuedate().toInstant()).isEqualTo(RS_004_WARN_AT);
        fire(warning, RS_004_WARN_AT);
        assertThat(runtime.getVariable(forwarded.getId(), "slaState")).isEqualTo("WARNING");
        assertThat(events(caseNumber, "CASE_WARNING")).hasSize(1);
        BpmnAwareTests.assertThat(watch).isWaitingAt("caseWork", "chaseDistrict");
        Task chase = openTask(watch, "chaseDistrict");
        assertThat(candidateGroups(chase)).containsExactly("window-hrss");
        assertThat(chase.getDueDate().toInstant()).isEqualTo(RS_004_DEADLINE);
        assertThat(timer(watch, "deadlineTime").getDuedate().toInstant()).isEqualTo(RS_004_DEADLINE);

        // the district's system reports the result: message correlation ends the case
        clock(at("2026-10-29T10:00"));
        assertThat(assertError(post("/api/cases/" + caseNumber + "/district-result", jsonBody(Map.of("note", "x")), CLERK),
                400, null).path("message").asText()).startsWith("approved");
        HttpResponse<String> reported = post("/api/cases/" + caseNumber + "/district-result",
                jsonBody(Map.of("approved", true, "note", "区人社局已核定养老待遇")), CLERK);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        JsonNode details = read(reported);
        assertThat(details.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(details.path("sla").path("state").asText()).isEqualTo("MET");

        BpmnAwareTests.assertThat(forwarded).isEnded().hasPassed("districtReported", "completeCase", "caseCompleted");
        assertThat(record(caseNumber).state()).isEqualTo(CaseState.COMPLETED);
        assertThat(eventRows(caseNumber, "DISTRICT_RESULT_RECORDED")).singleElement().asString()
                .startsWith("clerk|window-hrss|");
        assertThat(events(caseNumber, "DISTRICT_RESULT_RECORDED")).containsExactly("批准: 区人社局已核定养老待遇");
        assertThat(notices.find(caseNumber, NoticeType.COMPLETION, null).orElseThrow().details())
                .containsEntry("办理结果", "准予办理").containsEntry("办理意见", "区人社局已核定养老待遇");
        assertThat(runningInstances(caseNumber)).as("watch and chase task ended with the case").isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
        assertError(post("/api/cases/" + caseNumber + "/district-result", jsonBody(Map.of("approved", true)), CLERK),
                409, "CASE_NOT_RUNNING");
    }

    @Test
    void forwardedCaseResultRecordedAsATaskInTasklist() {
        String caseNumber = register("RS-004", RS_004);
        ProcessInstance forwarded = instance(caseNumber, "forwarded-case");
        complete(openTask(forwarded, "prepareForward"));
        complete(openTask(forwarded, "confirmDelivery"));
        completeAs("hrss-a", openTask(forwarded, "recordDistrictResult"), Map.of("approved", "true", "handlingNote", "区级已批准"));

        BpmnAwareTests.assertThat(forwarded).isEnded().hasPassed("recordDistrictResult", "completeCase", "caseCompleted")
                .hasNotPassed("districtReported", "recordForwardLate", "recordDeliveryLate");
        assertThat(record(caseNumber).state()).isEqualTo(CaseState.COMPLETED);
        assertThat(eventRows(caseNumber, "CASE_COMPLETED")).singleElement().asString().startsWith("hrss-a|window-hrss|");
        assertThat(finalSlaState(forwarded)).isEqualTo("MET");
        assertThat(runningInstances(caseNumber)).isZero();
    }

    @Test
    void districtRefusalReportedByItsSystemRejectsTheCase() {
        String other = register("SJ-002", SJ_002);
        assertError(post("/api/cases/" + other + "/district-result", jsonBody(Map.of("approved", true)), CLERK),
                409, "NOT_FORWARDED");

        String caseNumber = register("RS-004", RS_004);
        ProcessInstance forwarded = instance(caseNumber, "forwarded-case");
        complete(openTask(forwarded, "prepareForward"));
        // still at the proxy delivery: the district cannot have decided yet
        assertError(post("/api/cases/" + caseNumber + "/district-result", jsonBody(Map.of("approved", false)), CLERK),
                409, "NOT_WAITING_FOR_DISTRICT");
        complete(openTask(forwarded, "confirmDelivery"));

        HttpResponse<String> reported = post("/api/cases/" + caseNumber + "/district-result",
                jsonBody(Map.of("approved", false, "note", "缴费年限不足15年")), CLERK);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        assertThat(read(reported).path("state").asText()).isEqualTo("REJECTED");
        BpmnAwareTests.assertThat(forwarded).isEnded().hasPassed("districtReported", "completeCase");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(forwarded.getId()).taskDefinitionKey("recordDistrictResult")
                .singleResult().getDeleteReason()).as("the clerk's task is cancelled by the report").isEqualTo("deleted");
        assertThat(events(caseNumber, "DISTRICT_RESULT_RECORDED")).containsExactly("不批准: 缴费年限不足15年");
        assertThat(noticeHtml(caseNumber, "completion")).contains("不予许可", "缴费年限不足15年");
        BpmnAwareTests.assertThat(instance(caseNumber, CaseProcesses.DENIAL_FILING)).isWaitingAt("fileDenial");
        assertThat(activeSlaTimers(caseNumber)).as("no SLA timer left").isZero();
    }

    // ================================================================ joint-case

    @Test
    void jointCaseRunsOnePartPerDepartmentEscalatesALatePartToTheDirectorsAndMergesTheResults() {
        String caseNumber = register("ZH-001", ZH_001);
        CaseRecord registered = record(caseNumber);
        assertThat(registered.deadline()).isEqualTo(CaseProcessesPostgresTest.SJ_002_DEADLINE);
        assertThat(registered.warnAt()).isEqualTo(CaseProcessesPostgresTest.SJ_002_WARN_AT);
        ProcessInstance joint = instance(caseNumber, "joint-case");
        assertThat(((Date) runtime.getVariable(joint.getId(), "partDue")).toInstant()).isEqualTo(PART_DUE);
        assertThat(registered.escalateToDirectors()).as("the 督办 task goes to the directors too (asserted below)").isTrue();

        List<Task> parts = tasks.createTaskQuery().processInstanceId(joint.getId()).taskDefinitionKey("handlePart").list();
        assertThat(parts).hasSize(2);
        assertThat(parts.stream().map(this::candidateGroups).toList())
                .containsExactlyInAnyOrder(List.of("dept-health"), List.of("dept-hrss"));
        parts.forEach(part -> {
            assertThat(part.getDueDate().toInstant()).isEqualTo(PART_DUE);
            assertThat(part.getFollowUpDate().toInstant()).isEqualTo(PART_DUE);
        });
        Task health = part(parts, "dept-health");
        Task hrss = part(parts, "dept-hrss");

        // the health office's part runs late: an event on the department and a task for the directors
        List<Job> partTimers = management.createJobQuery().processInstanceId(joint.getId()).activityId("partLate").timers().list();
        assertThat(partTimers).hasSize(2).allSatisfy(job -> assertThat(job.getDuedate().toInstant()).isEqualTo(PART_DUE));
        Job healthLate = partTimers.stream()
                .filter(job -> "dept-health".equals(runtime.getVariable(job.getExecutionId(), "partDepartment")))
                .findFirst().orElseThrow();
        fire(healthLate, PART_DUE.plusSeconds(60));
        assertThat(eventRows(caseNumber, "JOINT_PART_OVERDUE")).singleElement().asString().startsWith("-|dept-health|");
        Task coordinate = openTask(joint, "coordinatePart");
        assertThat(candidateGroups(coordinate)).containsExactly("directors");
        assertThat(tasks.createTaskQuery().processInstanceId(joint.getId()).taskDefinitionKey("handlePart").count()).isEqualTo(2);

        completeAs("hrss-a", hrss, Map.of("partApproved", "true", "partNote", "已办理医保参保"));
        BpmnAwareTests.assertThat(joint).isWaitingAt("handlePart", "coordinatePart").isNotWaitingAt("mergeResults");
        completeAs("director", coordinate, Map.of("handlingNote", "已督促卫健办"));
        completeAs("health-a", health, Map.of("partApproved", "true", "partNote", "出生医学证明已核验"));

        BpmnAwareTests.assertThat(joint).hasPassed("recordPart", "recordPartLate", "coordinatePart").isWaitingAt("mergeResults");
        assertThat(eventRows(caseNumber, "JOINT_PART_DONE").stream().map(row -> row.substring(0, row.lastIndexOf('|'))).toList())
                .containsExactlyInAnyOrder("hrss-a|dept-hrss", "health-a|dept-health");
        assertThat(events(caseNumber, "JOINT_PART_DONE")).containsExactlyInAnyOrder("同意: 已办理医保参保", "同意: 出生医学证明已核验");
        Task merge = openTask(joint, "mergeResults");
        assertThat(candidateGroups(merge)).containsExactly("window-general");
        assertThat(merge.getDueDate().toInstant()).isEqualTo(CaseProcessesPostgresTest.SJ_002_DEADLINE);
        assertThat(merge.getFollowUpDate().toInstant()).isEqualTo(CaseProcessesPostgresTest.SJ_002_WARN_AT);
        completeAs(CLERK, merge, Map.of("approved", "true", "handlingNote", "出生一件事联办完成"));

        BpmnAwareTests.assertThat(joint).isEnded().hasPassed("completeCase", "caseCompleted");
        assertThat(record(caseNumber).state()).isEqualTo(CaseState.COMPLETED);
        assertThat(notices.list(caseNumber).stream().filter(n -> n.type() == NoticeType.COMPLETION).count())
                .as("one notice to the applicant").isEqualTo(1);
        assertThat(runningInstances(caseNumber)).isZero();
    }

    @Test
    void lateJointPartIsNoLongerCoordinatedOnceTheDepartmentHasFinished() {
        String caseNumber = register("ZH-001", ZH_001);
        ProcessInstance joint = instance(caseNumber, "joint-case");
        List<Task> parts = tasks.createTaskQuery().processInstanceId(joint.getId()).taskDefinitionKey("handlePart").list();
        Job hrssLate = management.createJobQuery().processInstanceId(joint.getId()).activityId("partLate").timers().list().stream()
                .filter(job -> "dept-hrss".equals(runtime.getVariable(job.getExecutionId(), "partDepartment")))
                .findFirst().orElseThrow();
        fire(hrssLate, PART_DUE.plusSeconds(60));
        assertThat(eventRows(caseNumber, "JOINT_PART_OVERDUE")).singleElement().asString().startsWith("-|dept-hrss|");
        openTask(joint, "coordinatePart");

        Task health = part(parts, "dept-health");
        Task hrss = part(parts, "dept-hrss");
        complete(health, withVariables("partApproved", "true"));
        complete(hrss, withVariables("partApproved", "false", "partNote", "父母一方社保关系不在本区"));

        BpmnAwareTests.assertThat(joint).isWaitingAt("mergeResults");
        assertThat(tasks.createTaskQuery().processInstanceId(joint.getId()).taskDefinitionKey("coordinatePart").count())
                .as("the director's coordination ends with the late department's part").isZero();
        assertThat(events(caseNumber, "JOINT_PART_DONE")).contains("不同意: 父母一方社保关系不在本区");
        complete(openTask(joint, "mergeResults"), withVariables("approved", "false", "handlingNote", "社保部分不予办理"));
        BpmnAwareTests.assertThat(joint).isEnded();
        assertThat(record(caseNumber).state()).isEqualTo(CaseState.REJECTED);
        BpmnAwareTests.assertThat(instance(caseNumber, CaseProcesses.DENIAL_FILING)).isWaitingAt("fileDenial");
    }

    @Test
    void overdueJointCaseEscalatesToSupervisorsAndDirectorsAndWithdrawalEndsEverything() {
        String caseNumber = register("ZH-001", ZH_001);
        ProcessInstance joint = instance(caseNumber, "joint-case");
        ProcessInstance watch = instance(caseNumber, CaseProcesses.ROOT);
        Job warning = timer(watch, "warningTime");
        assertThat(warning.getDuedate().toInstant()).isEqualTo(CaseProcessesPostgresTest.SJ_002_WARN_AT);
        fire(warning, CaseProcessesPostgresTest.SJ_002_WARN_AT);
        BpmnAwareTests.assertThat(watch).isWaitingAt("caseWork").hasNotPassed("chaseDistrict");
        Job deadline = timer(watch, "deadlineTime");
        assertThat(deadline.getDuedate().toInstant()).isEqualTo(CaseProcessesPostgresTest.SJ_002_DEADLINE);
        fire(deadline, CaseProcessesPostgresTest.SJ_002_DEADLINE.plusSeconds(60));

        assertThat(runtime.getVariable(joint.getId(), "slaState")).isEqualTo("OVERDUE");
        assertThat(events(caseNumber, "CASE_OVERDUE")).containsExactly("extension=NONE;delayNotice=false");
        assertThat(eventRows(caseNumber, "CASE_OVERDUE")).singleElement().asString().startsWith("-|window-general|");
        assertThat(candidateGroups(openTask(watch, "superviseOverdue"))).containsExactly("directors", "supervisors");

        HttpResponse<String> withdrawn = post("/api/cases/" + caseNumber + "/withdrawal", jsonBody(Map.of("reason", "已在外地办理")), CLERK);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        BpmnAwareTests.assertThat(joint).isEnded();
        BpmnAwareTests.assertThat(watch).isEnded().hasPassed("withdrawCase");
        assertThat(record(caseNumber).state()).isEqualTo(CaseState.WITHDRAWN);
        assertThat(finalSlaState(watch)).isEqualTo("BREACHED");
        assertThat(runningInstances(caseNumber)).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
    }

    private Task part(List<Task> parts, String department) {
        return parts.stream().filter(task -> candidateGroups(task).contains(department)).findFirst().orElseThrow();
    }
}
