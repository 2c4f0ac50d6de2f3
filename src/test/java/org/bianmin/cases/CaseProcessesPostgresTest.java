package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.bianmin.notices.Notice;
import org.bianmin.notices.NoticeType;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 4, every path of {@code immediate-case}, {@code committed-case} and {@code petition-case}
 * with the SLA timers of their root instance, on the shared PostgreSQL context. Cases are registered with the
 * engine clock at Wednesday 2026-09-30 10:00 (+08:00), just before the National Day holidays
 * (Oct 1-7; Saturday Oct 10 is a make-up working day); every deadline below is counted by hand on
 * office hours 08:30-12:00 and 13:30-17:30 (450 working minutes a day).
 */
class CaseProcessesPostgresTest extends CaseProcessTestSupport {

    // ================================================================ immediate-case (即办件, 30 working minutes)

    @Test
    void immediateCaseHandledOnTheSpotIsCompletedWithACompletionNoticeAndEndsItsWatch() {
        String caseNumber = register("SJ-001", SJ_001);
        CaseRecord registered = record(caseNumber);
        assertThat(registered.caseType()).isEqualTo(org.bianmin.catalogue.CaseType.IMMEDIATE);
        assertThat(registered.deadline()).isEqualTo(at("2026-09-30T10:30"));
        assertThat(registered.warnAt()).as("10 of 30 minutes left").isEqualTo(at("2026-09-30T10:20"));

        ProcessInstance immediate = instance(caseNumber, "immediate-case");
        BpmnAwareTests.assertThat(immediate).isWaitingAt("handleOnTheSpot");
        BpmnAwareTests.assertThat(immediate).variables().containsEntry("slaState", "ON_TIME")
                .as("the work gets what it reads, not the root's routing").doesNotContainKeys("caseType", "caseProcessKey",
                        "escalationGroups", "disposition");
        Task task = openTask(immediate, "handleOnTheSpot");
        BpmnAwareTests.assertThat(task).hasCandidateGroup("window-general").hasCandidateUser(CLERK);
        assertThat(task.getDueDate().toInstant()).isEqualTo(at("2026-09-30T10:30"));
        assertThat(task.getFollowUpDate().toInstant()).isEqualTo(at("2026-09-30T10:20"));
        ProcessInstance watch = instance(caseNumber, CaseProcesses.ROOT);
        BpmnAwareTests.assertThat(watch).isWaitingAt("caseWork");
        assertThat(timer(watch, "warningTime").getDuedate().toInstant()).isEqualTo(at("2026-09-30T10:20"));

        clock(at("2026-09-30T10:12"));
        completeAs(CLERK, task, Map.of("approved", "true", "handlingNote", "当场核准登记"));

        BpmnAwareTests.assertThat(immediate).isEnded().hasPassed("completeCase", "caseCompleted").hasNotPassed("withdrawCase");
        CaseRecord done = record(caseNumber);
        assertThat(done.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(done.endedAt()).isEqualTo(at("2026-09-30T10:12"));
        assertThat(finalSlaState(immediate)).isEqualTo("MET");
        Notice completion = notices.find(caseNumber, NoticeType.COMPLETION, null).orElseThrow();
        assertThat(completion.details()).containsEntry("办理结果", "准予办理").containsEntry("办理意见", "当场核准登记")
                .containsEntry("办结时间", "2026年9月30日 10:12").containsEntry("承诺办结时限", "2026年9月30日 10:30");
        assertThat(noticeHtml(caseNumber, "completion")).contains("办结通知书", "准予办理", "当场核准登记");
        assertThat(eventRows(caseNumber, "CASE_COMPLETED")).singleElement().asString().startsWith("clerk|window-market|");

        assertThat(runningInstances(caseNumber)).as("the watch ended with the case").isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(watch.getId()).singleResult().getEndTime())
                .isNotNull();
        assertThat(management.createJobQuery().processInstanceId(watch.getId()).count()).isZero();
        JsonNode details = details(caseNumber);
        assertThat(details.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(details.path("sla").path("state").asText()).isEqualTo("MET");
        assertThat(details.path("openTasks")).isEmpty();
    }

    @Test
    void immediateCaseRefusedIsRejectedAndGoesToDenialFiling() {
        String caseNumber = register("SJ-001", SJ_001);
        ProcessInstance immediate = instance(caseNumber, "immediate-case");

        completeAs(CLERK, openTask(immediate, "handleOnTheSpot"), Map.of("approved", "false", "handlingNote", "经营范围属于许可项目"));

        BpmnAwareTests.assertThat(immediate).isEnded().hasPassed("completeCase");
        assertThat(record(caseNumber).state()).isEqualTo(CaseState.REJECTED);
        assertThat(events(caseNumber, "CASE_REJECTED")).containsExactly("经营范围属于许可项目");
        assertThat(notices.find(caseNumber, NoticeType.COMPLETION, null).orElseThrow().details())
                .containsEntry("办理结果", "不予许可").containsEntry("办理意见", "经营范围属于许可项目");
        assertThat(noticeHtml(caseNumber, "completion")).contains("不予许可");
        ProcessInstance filing = instance(caseNumber, CaseProcesses.DENIAL_FILING);
        BpmnAwareTests.assertThat(filing).isWaitingAt("fileDenial");
        Task fileDenial = openTask(filing, "fileDenial");
        BpmnAwareTests.assertThat(fileDenial).hasCandidateGroup("directors");
        assertThat(fileDenial.getDueDate().toInstant()).as("1 working day after the refusal").isEqualTo(at("2026-10-08T17:30"));
        assertThat(activeSlaTimers(caseNumber)).as("no SLA timer left").isZero();
        assertThat(runningInstances(caseNumber)).as("only the denial filing runs on").isEqualTo(1);
    }

    @Test
    void immediateCaseWatchWarnsAtTwentyWorkingMinutesAndEscalatesAtThirtyAcrossTheMiddayBreak() {
        clock(at("2026-09-30T11:50"));
        String caseNumber = register("SJ-001", SJ_001);
        CaseRecord registered = record(caseNumber);
        // 11:50-12:00 is 10 minutes; the rest of the 30 (20) and of the 20 (10) run after the break from 13:30
        assertThat(registered.deadline()).isEqualTo(at("2026-09-30T13:50"));
        assertThat(registered.warnAt()).isEqualTo(at("2026-09-30T13:40"));
        ProcessInstance immediate = instance(caseNumber, "immediate-case");
        ProcessInstance watch = instance(caseNumber, CaseProcesses.ROOT);
        BpmnAwareTests.assertThat(watch).variables().containsEntry("caseProcessKey", "immediate-case")
                .as("the 督办 task's groups come from the record; the work's key routes the warning")
                .doesNotContainKeys("escalationGroups", "caseType");

        Job warning = timer(watch, "warningTime");
        assertThat(warning.getDuedate().toInstant()).isEqualTo(at("2026-09-30T13:40"));
        fire(warning, at("2026-09-30T13:40"));
        assertThat(runtime.getVariable(immediate.getId(), "slaState")).isEqualTo("WARNING");
        assertThat(eventRows(caseNumber, "CASE_WARNING")).singleElement().asString().startsWith("-|window-market|");
        assertThat(eventTime(caseNumber, "CASE_WARNING")).isEqualTo(at("2026-09-30T13:40"));
        BpmnAwareTests.assertThat(watch).hasPassed("warn").isWaitingAt("caseWork");
        assertThat(details(caseNumber).path("sla").path("state").asText()).isEqualTo("WARNING");

        Job deadline = timer(watch, "deadlineTime");
        assertThat(deadline.getDuedate().toInstant()).isEqualTo(at("2026-09-30T13:50"));
        fire(deadline, at("2026-09-30T13:51"));
        assertThat(runtime.getVariable(immediate.getId(), "slaState")).isEqualTo("OVERDUE");
        assertThat(events(caseNumber, "CASE_OVERDUE")).containsExactly("extension=NONE;delayNotice=false");
        assertThat(eventTime(caseNumber, "CASE_OVERDUE")).isEqualTo(at("2026-09-30T13:51"));
        BpmnAwareTests.assertThat(watch).hasPassed("markOverdue").isWaitingAt("caseWork", "superviseOverdue");
        Task supervise = openTask(watch, "superviseOverdue");
        assertThat(candidateGroups(supervise)).containsExactly("supervisors");
        assertThat(management.createJobQuery().processInstanceId(watch.getId()).count()).as("no timer left on the watch").isZero();
        JsonNode details = details(caseNumber);
        assertThat(details.path("sla").path("state").asText()).isEqualTo("OVERDUE");
        assertThat(details.path("escalations").toString()).contains("CASE_OVERDUE", "extension=NONE;delayNotice=false");
        assertThat(details.path("openTasks").toString()).contains("superviseOverdue", "supervisors");

        // the clerk finishes late: BREACHED, and the watch (with the supervision task) ends with the case
        clock(at("2026-09-30T14:05"));
        completeAs(CLERK, openTask(immediate, "handleOnTheSpot"), Map.of("approved", "true"));
        BpmnAwareTests.assertThat(immediate).isEnded();
        assertThat(record(caseNumber).state()).isEqualTo(CaseState.COMPLETED);
        assertThat(finalSlaState(immediate)).isEqualTo("BREACHED");
        assertThat(runningInstances(caseNumber)).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
        assertThat(details(caseNumber).path("sla").path("state").asText()).isEqualTo("BREACHED");
    }

    // ================================================================ committed-case (承诺件)

    /**
     * SJ-002 promises 10 working days. From Wed 2026-09-30 10:00: Oct 1-7 are holidays; the working
     * days are Oct 8, 9, 10 (make-up Saturday), 12, 13, 14, 15, 16, 19, 20 -> deadline Tue Oct 20
     * 17:30. Working time to the deadline: 360 (Sep 30) + 10 x 450 = 4860 minutes; 80% = 3888 =
     * 360 + 7 days (Oct 8-15) + 378 minutes of Oct 16 (210 morning + 168 after 13:30) -> Fri Oct 16
     * 16:18, earlier than "one working day left" (Mon Oct 19 17:30). Hand-over: 225 working minutes
     * from 10:00 = 120 before noon + 105 from 13:30 -> 15:15 the same day.
     */
    static final Instant SJ_002_DEADLINE = at("2026-10-20T17:30");
    static final Instant SJ_002_WARN_AT = at("2026-10-16T16:18");
    static final Instant HANDOVER_DUE = at("2026-09-30T15:15");

    @Autowired CaseSummary summary;
    @Autowired CaseProcesses processes;
    @Autowired JustRegistered justRegistered;

    /**
     * Registration hands its row and notices to the work's start in the same transaction
     * ({@link JustRegistered}) instead of reading them back: what the work received is what the
     * database gives afterwards, and nothing of it outlives the transaction.
     */
    @Test
    void theWorkStartsFromTheCaseAtHandWithWhatTheDatabaseHolds() {
        String caseNumber = register("SJ-002", SJ_002);
        CaseRecord stored = record(caseNumber);
        ProcessInstance committed = instance(caseNumber, "committed-case");
        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);

        String expected = summary.markdown(stored);
        assertThat(expected).contains("/api/cases/" + caseNumber + "/notices/acceptance?sequence=1",
                "/api/cases/" + caseNumber + "/notices/receipt?sequence=1");
        assertThat(runtime.getVariable(root.getId(), "caseSummary")).isEqualTo(expected);
        assertThat(runtime.getVariable(committed.getId(), "caseSummary")).isEqualTo(expected);
        processes.workStepVariables(stored).forEach((name, value) ->
                assertThat(String.valueOf(runtime.getVariableTyped(committed.getId(), name).getValue())).as(name).isEqualTo(
                        String.valueOf(value instanceof org.camunda.bpm.engine.variable.value.TypedValue typed ? typed.getValue() : value)));
        assertThat(notices.list(caseNumber)).extracting(Notice::type, Notice::sequence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NoticeType.ACCEPTANCE, 1),
                        org.assertj.core.groups.Tuple.tuple(NoticeType.RECEIPT, 1));
        assertThat(justRegistered.find(caseNumber)).as("gone with its transaction").isEmpty();

        // the task's card comes from the case record: neither process holds it, nor an empty note before the first step
        Map<String, Object> card = Map.of("caseNumber", caseNumber, "itemName", stored.itemName(),
                "applicant", stored.applicant().display());
        assertThat(runtime.getVariables(committed.getId())).doesNotContainKeys("caseNumber", "itemName", "applicant", "handlingNote")
                .as("no task of a committed case's work is offered to the case's window").doesNotContainKey("window");
        assertThat(runtime.getVariables(root.getId())).doesNotContainKeys("itemName", "applicant", "department", "itemCode",
                "intakeWindow").as("the business key is the case number").doesNotContainKey("caseNumber");
        assertThat(runtime.getVariables(committed.getId())).as("the review's checklist comes with the review")
                .doesNotContainKey("materialOptions");
        Task handOver = openTask(committed, "handOver");
        assertThat(tasks.getVariablesLocal(handOver.getId())).containsAllEntriesOf(card);
        completeAs(CLERK, handOver, Map.of("handlingNote", "已移交市场监管所"));
        Task review = openTask(committed, "review");
        assertThat(tasks.getVariablesLocal(review.getId())).as("a later step reads the record").containsAllEntriesOf(card);
        assertThat(String.valueOf(tasks.getVariableLocal(review.getId(), "materialOptions")))
                .contains("\"value\":\"APPLICATION_FORM\"", "\"value\":\"SAFETY_RULES\"", "(主件)");
        assertThat(runtime.getVariable(committed.getId(), "handlingNote")).as("the next step's note starts empty").isNull();
    }

    @Test
    void committedCaseIsHandedOverReviewedAndApprovedOnTheWorkingDayCalendar() {
        String caseNumber = register("SJ-002", SJ_002);
        CaseRecord registered = record(caseNumber);
        assertThat(registered.deadline()).isEqualTo(SJ_002_DEADLINE);
        assertThat(registered.warnAt()).isEqualTo(SJ_002_WARN_AT);
        ProcessInstance committed = instance(caseNumber, "committed-case");
        BpmnAwareTests.assertThat(committed).isWaitingAt("handOver");
        BpmnAwareTests.assertThat(committed).variables().containsEntry("slaState", "ON_TIME");
        assertThat(((java.util.Date) runtime.getVariable(committed.getId(), "handoverDue")).toInstant()).isEqualTo(HANDOVER_DUE);
        Task handOver = openTask(committed, "handOver");
        BpmnAwareTests.assertThat(handOver).hasCandidateGroup("window-general").hasCandidateUser(CLERK);
        assertThat(handOver.getDueDate().toInstant()).isEqualTo(HANDOVER_DUE);
        assertThat(handOver.getFollowUpDate().toInstant()).isEqualTo(HANDOVER_DUE);
        ProcessInstance watch = instance(caseNumber, CaseProcesses.ROOT);
        assertThat(timer(watch, "warningTime").getDuedate().toInstant()).isEqualTo(SJ_002_WARN_AT);

        // the window does not hand over within 0.5 working day: recorded, and the task stays
        Job handoverLate = timer(committed, "handoverLate");
        assertThat(handoverLate.getDuedate().toInstant()).isEqualTo(HANDOVER_DUE);
        fire(handoverLate, at("2026-09-30T15:16"));
        assertThat(eventRows(caseNumber, "HANDOVER_OVERDUE")).singleElement().asString().startsWith("clerk|window-market|");
        assertThat(events(caseNumber, "HANDOVER_OVERDUE")).singleElement().asString().contains("移交超时");
        BpmnAwareTests.assertThat(committed).hasPassed("recordHandoverLate", "handoverLateRecorded").isWaitingAt("handOver");
        assertThat(openTask(committed, "handOver").getId()).isEqualTo(handOver.getId());
        assertThat(management.createJobQuery().processInstanceId(committed.getId()).count()).isZero();

        completeAs(CLERK, handOver, Map.of("handlingNote", "已移交市场监管所"));
        BpmnAwareTests.assertThat(committed).isWaitingAt("review");
        Task review = openTask(committed, "review");
        assertThat(candidateGroups(review)).containsExactly("dept-market");
        assertThat(review.getDueDate().toInstant()).isEqualTo(SJ_002_DEADLINE);
        assertThat(review.getFollowUpDate().toInstant()).isEqualTo(SJ_002_WARN_AT);
        completeAs("market-a", review, Map.of("reviewOutcome", "PASS", "handlingNote", "材料齐全"));

        BpmnAwareTests.assertThat(committed).isWaitingAt("decide").hasNotPassed("siteInspection");
        Task decide = openTask(committed, "decide");
        assertThat(candidateGroups(decide)).containsExactly("directors");
        assertThat(decide.getDueDate().toInstant()).isEqualTo(SJ_002_DEADLINE);
        clock(at("2026-10-12T09:00"));
        completeAs("director", decide, Map.of("approved", "true", "handlingNote", "准予许可"));

        BpmnAwareTests.assertThat(committed).isEnded().hasPassed("completeCase", "caseCompleted");
        assertThat(record(caseNumber).state()).isEqualTo(CaseState.COMPLETED);
        assertThat(finalSlaState(committed)).isEqualTo("MET");
        assertThat(eventRows(caseNumber, "CASE_COMPLETED")).singleElement().asString().startsWith("director|window-market|");
        assertThat(notices.find(caseNumber, NoticeType.COMPLETION, null).orElseThrow().details())
                .containsEntry("办理结果", "准予办理").containsEntry("承诺办结时限", "2026年10月20日 17:30");
        assertThat(runningInstances(caseNumber)).isZero();
        assertThat(management.createJobQuery().processInstanceId(watch.getId()).count()).isZero();
    }

    @Test
    void committedCaseReviewAsksForASiteInspectionBeforeTheDecision() {
        String caseNumber = register("SJ-002", SJ_002);
        ProcessInstance committed = instance(caseNumber, "committed-case");
        complete(openTask(committed, "handOver"));
        complete(openTask(committed, "review"), withVariables("reviewOutcome", "INSPECT", "handlingNote", "需现场核查后厨"));

        BpmnAwareTests.assertThat(committed).isWaitingAt("siteInspection");
        Task inspection = openTask(committed, "siteInspection");
        assertThat(candidateGroups(inspection)).containsExactly("dept-market");
        assertThat(inspection.getDueDate().toInstant()).isEqualTo(SJ_002_DEADLINE);
        assertThat(inspection.getFollowUpDate().toInstant()).isEqualTo(SJ_002_WARN_AT);
        completeAs("market-b", inspection, Map.of("handlingNote", "现场符合要求"));

        BpmnAwareTests.assertThat(committed).isWaitingAt("decide");
        completeAs("director", openTask(committed, "decide"), Map.of("approved", "true"));
        BpmnAwareTests.assertThat(committed).isEnded().hasPassed("siteInspection", "decide", "completeCase", "caseCompleted");
        assertThat(record(caseNumber).state()).isEqualTo(CaseState.COMPLETED);
        assertThat(runningInstances(caseNumber)).isZero();
    }

    @Test
    void committedCaseReturnedInReviewEndsAsReturnedWithTheNoteAsReasonAndGoesToDenialFiling() {
        String caseNumber = register("SJ-002", SJ_002);
        ProcessInstance committed = instance(caseNumber, "committed-case");
        complete(openTask(committed, "handOver"));
        clock(at("2026-10-09T10:00"));
        completeAs("market-a", openTask(committed, "review"),
                Map.of("reviewOutcome", "RETURN", "handlingNote", "经营场所与营业执照登记地址不一致"));

        BpmnAwareTests.assertThat(committed).isEnded().hasPassed("returnCase", "caseReturned").hasNotPassed("decide", "completeCase");
        CaseRecord returned = record(caseNumber);
        assertThat(returned.state()).isEqualTo(CaseState.RETURNED);
        assertThat(returned.reason()).isEqualTo("经营场所与营业执照登记地址不一致");
        assertThat(returned.endedAt()).isEqualTo(at("2026-10-09T10:00"));
        assertThat(finalSlaState(committed)).isEqualTo("MET");
        assertThat(eventRows(caseNumber, "CASE_RETURNED")).singleElement().asString().startsWith("market-a|window-market|");
        assertThat(notices.find(caseNumber, NoticeType.NON_ACCEPTANCE, null)).isPresent();
        assertThat(noticeHtml(caseNumber, "non-acceptance")).contains("不予受理情况说明单", "经营场所与营业执照登记地址不一致");
        assertThat(notices.find(caseNumber, NoticeType.COMPLETION, null)).isEmpty();

        ProcessInstance filing = instance(caseNumber, CaseProcesses.DENIAL_FILING);
        BpmnAwareTests.assertThat(filing).isWaitingAt("fileDenial");
        assertThat(openTask(filing, "fileDenial").getDueDate().toInstant()).isEqualTo(at("2026-10-10T17:30"));
        assertThat(activeSlaTimers(caseNumber)).as("no SLA timer left").isZero();
        assertThat(runningInstances(caseNumber)).isEqualTo(1);
    }

    @Test
    void committedCaseRefusedByTheDirectorIsRejectedWithANoticeAndGoesToDenialFiling() {
        String caseNumber = register("SJ-002", SJ_002);
        ProcessInstance committed = instance(caseNumber, "committed-case");
        complete(openTask(committed, "handOver"));
        complete(openTask(committed, "review"), withVariables("reviewOutcome", "PASS"));
        completeAs("director", openTask(committed, "decide"), Map.of("approved", "false", "handlingNote", "不符合食品安全条件"));

        BpmnAwareTests.assertThat(committed).isEnded().hasPassed("completeCase", "caseCompleted");
        assertThat(record(caseNumber).state()).isEqualTo(CaseState.REJECTED);
        assertThat(eventRows(caseNumber, "CASE_REJECTED")).singleElement().asString().startsWith("director|");
        assertThat(notices.find(caseNumber, NoticeType.COMPLETION, null).orElseThrow().details())
                .containsEntry("办理结果", "不予许可").containsEntry("办理意见", "不符合食品安全条件");
        assertThat(noticeHtml(caseNumber, "completion")).contains("办结通知书", "不予许可", "不符合食品安全条件");
        BpmnAwareTests.assertThat(instance(caseNumber, CaseProcesses.DENIAL_FILING)).isWaitingAt("fileDenial");
        assertThat(activeSlaTimers(caseNumber)).as("no SLA timer left").isZero();
        assertThat(instances(caseNumber, "committed-case")).isZero();
    }

    // ================================================================ petition-case (信访件)

    @Test
    void petitionIsAssignedHandledByTheChosenDepartmentAndRepliedInTenWorkingDays() {
        String caseNumber = register("XF-001", XF_001, true, true, false);
        CaseRecord registered = record(caseNumber);
        assertThat(registered.caseType()).isEqualTo(org.bianmin.catalogue.CaseType.PETITION);
        assertThat(registered.deadline()).as("general matter: 10 working days").isEqualTo(SJ_002_DEADLINE);
        assertThat(registered.warnAt()).isEqualTo(SJ_002_WARN_AT);
        ProcessInstance petition = instance(caseNumber, "petition-case");
        BpmnAwareTests.assertThat(petition).isWaitingAt("assignPetition");
        assertThat(String.valueOf(runtime.getVariable(petition.getId(), "departmentOptions"))).contains("dept-civil", "民政办");
        Task assign = openTask(petition, "assignPetition");
        assertThat(candidateGroups(assign)).containsExactly("window-petition");
        assertThat(assign.getDueDate().toInstant()).isEqualTo(SJ_002_DEADLINE);
        assertThat(assign.getFollowUpDate().toInstant()).isEqualTo(SJ_002_WARN_AT);
        completeAs("petition-a", assign, Map.of("handlingGroup", "dept-civil", "handlingNote", "转民政办办理"));

        BpmnAwareTests.assertThat(petition).isWaitingAt("handlePetition");
        Task handle = openTask(petition, "handlePetition");
        assertThat(candidateGroups(handle)).containsExactly("dept-civil");
        assertThat(handle.getDueDate().toInstant()).isEqualTo(SJ_002_DEADLINE);
        completeAs("civil-a", handle, Map.of("handlingNote", "已核实并解决"));

        BpmnAwareTests.assertThat(petition).isWaitingAt("replyPetition");
        Task reply = openTask(petition, "replyPetition");
        assertThat(candidateGroups(reply)).containsExactly("window-petition");
        completeAs("petition-a", reply, Map.of("handlingNote", "已书面答复信访人"));

        BpmnAwareTests.assertThat(petition).isEnded().hasPassed("assignPetition", "handlePetition", "replyPetition",
                "completeCase", "caseCompleted");
        assertThat(record(caseNumber).state()).isEqualTo(CaseState.COMPLETED);
        assertThat(finalSlaState(petition)).isEqualTo("MET");
        assertThat(runningInstances(caseNumber)).isZero();
    }

    /**
     * A major petition: 30 working days from Wed 2026-09-30 10:00 -> Tue Nov 17 17:30 (Oct 8..Nov 3
     * are days 1-20, Nov 4, 5, 6, 9, 10, 11, 12, 13, 16, 17 days 21-30). 80% of 360 + 30 x 450 =
     * 13860 minutes is 11088 = 360 + 23 days (to Nov 6) + 378 minutes of Mon Nov 9 -> 16:18, earlier
     * than "two working days left" (Fri Nov 13 17:30).
     */
    @Test
    void majorPetitionHasThirtyWorkingDays() {
        String caseNumber = register("XF-001", XF_001, true, true, true);
        CaseRecord registered = record(caseNumber);
        assertThat(registered.deadline()).isEqualTo(at("2026-11-17T17:30"));
        assertThat(registered.warnAt()).isEqualTo(at("2026-11-09T16:18"));
        ProcessInstance petition = instance(caseNumber, "petition-case");
        assertThat(openTask(petition, "assignPetition").getDueDate().toInstant()).isEqualTo(at("2026-11-17T17:30"));
        assertThat(timer(instance(caseNumber, CaseProcesses.ROOT), "warningTime").getDuedate().toInstant())
                .isEqualTo(at("2026-11-09T16:18"));
        // no extension for petitions (the time-limit table allows 0 days)
        JsonNode refused = assertError(post("/api/cases/" + caseNumber + "/extensions",
                jsonBody(Map.of("days", 5, "reason", "情况复杂")), CLERK), 409, "EXTENSION_NOT_ALLOWED");
        assertThat(refused.path("message").asText()).contains("不可延期");
    }
}
