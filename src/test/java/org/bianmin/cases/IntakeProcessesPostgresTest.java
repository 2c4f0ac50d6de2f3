package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.bianmin.privacy.PersonalData;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The intake processes with camunda-bpm-assert on the shared PostgreSQL context: the Tasklist intake
 * ({@code case-intake}), the supplement loop, the director's denial filing and its 1-working-day timer,
 * and a minimal case-type process. The engine clock is moved, never waited for.
 */
class IntakeProcessesPostgresTest extends PostgresIntegrationTest {

    /** Wednesday before the National Day holidays: the next working day is Thursday 2026-10-08. */
    private static final Instant BEFORE_NATIONAL_DAY = OffsetDateTime.parse("2026-09-30T10:00:00+08:00").toInstant();

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired CaseRegistrationService registration;
    @Autowired CaseRepository cases;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    /**
     * "Now" for every test here (Monday 2026-11-23 10:00): the engine clock is fixed so that the
     * dates in these tests stay valid and the deadlines the same in any year the tests run.
     */
    static final Instant TODAY = OffsetDateTime.parse("2026-11-23T10:00:00+08:00").toInstant();

    private java.util.Set<String> casesBefore;

    @BeforeEach
    void initAssertionsAndFixClock() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(TODAY));
        casesBefore = new java.util.HashSet<>(jdbc.queryForList("select case_number from case_record", String.class));
    }

    @AfterEach
    void endLeftoversAndResetClock() {
        identity.clearAuthentication();
        try {
            // the processes of this test's cases end while the clock still stands: none of their timers fires later
            jdbc.queryForList("select case_number from case_record", String.class).stream()
                    .filter(caseNumber -> !casesBefore.contains(caseNumber))
                    .flatMap(caseNumber -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream())
                    .forEach(instance -> endInstance(instance.getId()));
        } finally {
            ClockUtil.reset();
        }
    }

    // ---------------------------------------------------------------- case-intake (Tasklist start form)

    @Test
    void intakeStartedLikeTasklistRegistersTheCaseAndWaitsForTheNoticesHandOver() {
        String idNumber = CaseRegistrationPostgresTest.idNumber("11010519900307123");
        ProcessInstance intake = startIntakeAsClerk(idNumber, "[\"APPLICATION_FORM\",\"BUSINESS_LICENSE\"]");

        String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(intake.getId()).singleResult().getBusinessKey();
        assertThat(caseNumber).matches("BM\\d{8}-\\d{4}");
        CaseRecord record = cases.find(caseNumber).orElseThrow();
        assertThat(record.disposition()).isEqualTo(Disposition.SUPPLEMENT);
        assertThat(record.registeredBy()).isEqualTo("clerk");
        assertThat(record.missingMaterials()).containsExactly("LAYOUT_PLAN", "SAFETY_RULES");

        BpmnAwareTests.assertThat(intake).hasPassed("classifyAndRegister").isWaitingAt("handOverNotices")
                .task().isAssignedTo("clerk");
        BpmnAwareTests.assertThat(intake).variables().containsEntry("disposition", "SUPPLEMENT")
                .as("the business key is the case number; the instance holds no copy").doesNotContainKey("caseNumber");
        assertThat(tasks.getVariableLocal(task(intake).getId(), "caseNumber")).as("the task's card").isEqualTo(caseNumber);
        String summary = (String) runtime.getVariable(intake.getId(), "caseSummary");
        assertThat(summary).contains(caseNumber, "补充件", "需补报的材料", "经营场所平面图及设备布局图", "食品安全管理制度文本",
                PersonalData.maskIdNumber(idNumber)).doesNotContain(idNumber);

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list())
                .as("the intake instance is the case's one instance").extracting(ProcessInstance::getId).containsExactly(intake.getId());

        complete(task(intake));
        BpmnAwareTests.assertThat(intake).hasPassed("handOverNotices").isWaitingAtExactly("awaitSupplement");
        ProcessInstance supplement = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(CaseProcesses.SUPPLEMENT).singleResult();
        assertThat(supplement).isNotNull();
        BpmnAwareTests.assertThat(supplement).isWaitingAt("receiveSupplement");
    }

    @Test
    void intakeWithAnInvalidIdNumberThrowsAndLeavesNothing() {
        String valid = CaseRegistrationPostgresTest.idNumber("11010519900307123");
        String wrongChecksum = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        long caseRows = count("case_record");
        long notices = count("case_notice");
        long intakes = history.createHistoricProcessInstanceQuery().processDefinitionKey("case-intake").count();
        long instances = history.createHistoricProcessInstanceQuery().count();

        assertThatThrownBy(() -> startIntakeAsClerk(wrongChecksum, "[\"APPLICATION_FORM\",\"BUSINESS_LICENSE\"]"))
                .hasStackTraceContaining("applicant.idNumber");

        assertThat(count("case_record")).isEqualTo(caseRows);
        assertThat(count("case_notice")).isEqualTo(notices);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("case-intake").count()).isEqualTo(intakes);
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(runtime.createProcessInstanceQuery().variableValueEquals("applicantIdNumber", wrongChecksum).count()).isZero();
    }

    // ---------------------------------------------------------------- case-supplement

    @Test
    void supplementLoopsWhileMaterialsAreMissingThenStartsTheCommittedCase() {
        String caseNumber = registerAs("clerk", "SJ-002", List.of("APPLICATION_FORM", "BUSINESS_LICENSE"), true).caseNumber();
        ProcessInstance supplement = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(CaseProcesses.SUPPLEMENT).singleResult();
        BpmnAwareTests.assertThat(supplement).isWaitingAt("receiveSupplement");
        Task first = task(supplement);
        BpmnAwareTests.assertThat(first).hasCandidateGroup("window-general");

        complete(first, withVariables("suppliedMaterials", SpinValues.jsonValue("[\"LAYOUT_PLAN\"]").create(),
                "receivedBy", "market-a"));
        BpmnAwareTests.assertThat(supplement).hasPassed("checkMaterials").isWaitingAt("receiveSupplement");
        Task second = task(supplement);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        BpmnAwareTests.assertThat(supplement).variables().containsEntry("stillMissing", true)
                .doesNotContainKey("suppliedMaterials");
        assertThat(cases.find(caseNumber).orElseThrow().missingMaterials()).containsExactly("SAFETY_RULES");
        assertThat(jdbc.queryForObject("select staff from case_event where case_number = ? and event_type = 'SUPPLEMENT_RECEIVED'",
                String.class, caseNumber)).isEqualTo("market-a");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("committed-case").count()).isZero();

        complete(second, withVariables("suppliedMaterials", SpinValues.jsonValue("[\"SAFETY_RULES\"]").create()));
        BpmnAwareTests.assertThat(supplement).isEnded().hasPassed("materialsComplete");
        CaseRecord accepted = cases.find(caseNumber).orElseThrow();
        assertThat(accepted.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(accepted.missingMaterials()).isEmpty();
        ProcessInstance committed = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("committed-case").singleResult();
        assertThat(committed).isNotNull();
        BpmnAwareTests.assertThat(committed).isWaitingAt("handOver");
    }

    // ---------------------------------------------------------------- denial-filing

    @Test
    void directorFilesTheDenial() {
        String caseNumber = registerAs("clerk", "SJ-002", List.of("APPLICATION_FORM"), true).caseNumber();
        ProcessInstance filing = denialFiling(caseNumber);
        BpmnAwareTests.assertThat(filing).isWaitingAt("fileDenial");
        Task task = task(filing);
        BpmnAwareTests.assertThat(task).hasCandidateGroup("directors");

        identity.setAuthentication("director", List.of("directors"));
        try {
            tasks.complete(task.getId(), Variables.createVariables().putValue("filingApproved", "true")
                    .putValue("filingOpinion", "缺少营业执照, 同意退回"));
        } finally {
            identity.clearAuthentication();
        }
        BpmnAwareTests.assertThat(filing).isEnded().hasPassed("recordFiling", "filed").hasNotPassed("recordLateFiling");
        List<String> filed = jdbc.queryForList(
                "select staff || '|' || details from case_event where case_number = ? and event_type = 'DENIAL_FILED'",
                String.class, caseNumber);
        assertThat(filed).containsExactly("director|同意退回: 缺少营业执照, 同意退回");
        assertThat(management.createJobQuery().processInstanceId(filing.getId()).count()).isZero();
    }

    @Test
    void denialNotFiledWithinOneWorkingDayIsRecordedAndTheTaskStaysOpen() {
        ClockUtil.setCurrentTime(Date.from(BEFORE_NATIONAL_DAY));
        String caseNumber = registerAs("clerk", "SJ-001", List.of("ID_CARD"), true).caseNumber();
        ProcessInstance filing = denialFiling(caseNumber);
        Instant due = OffsetDateTime.parse("2026-10-08T17:30:00+08:00").toInstant(); // after 国庆节 Oct 1-7

        Job timer = management.createJobQuery().processInstanceId(filing.getId()).timers().singleResult();
        assertThat(timer).isNotNull();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(due);
        assertThat(task(filing).getDueDate().toInstant()).isEqualTo(due);
        // keep the job executor of the shared context off this job: the test executes it itself
        management.suspendJobById(timer.getId());

        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        management.executeJob(timer.getId());

        List<String> late = jdbc.queryForList(
                "select staff || '|' || window_group from case_event where case_number = ? and event_type = 'DENIAL_FILING_OVERDUE'",
                String.class, caseNumber);
        assertThat(late).containsExactly("clerk|window-market");
        assertThat(jdbc.queryForObject("select occurred_at from case_event where case_number = ? and event_type = 'DENIAL_FILING_OVERDUE'",
                java.sql.Timestamp.class, caseNumber).toInstant()).isEqualTo(due.plusSeconds(60));
        BpmnAwareTests.assertThat(filing).hasPassed("recordLateFiling", "lateFilingRecorded").isWaitingAt("fileDenial");
        BpmnAwareTests.assertThat(task(filing)).hasCandidateGroup("directors").hasDefinitionKey("fileDenial");
        assertThat(management.createJobQuery().processInstanceId(filing.getId()).count()).isZero();
        JsonNode details = read(get("/api/cases/" + caseNumber, "supervisor", DEMO_PASSWORD));
        assertThat(details.path("escalations").toString()).contains("DENIAL_FILING_OVERDUE");
    }

    // ---------------------------------------------------------------- committed case: hand-over, review, decision

    @Test
    void committedCaseTasksCarryTheCalendarDatesAndTheDecisionEndsTheCase() {
        CaseRecord record = cases.find(registerAs("clerk", "SJ-002",
                List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES"), true).caseNumber()).orElseThrow();
        ProcessInstance committed = runtime.createProcessInstanceQuery().processInstanceBusinessKey(record.caseNumber())
                .processDefinitionKey("committed-case").singleResult();
        BpmnAwareTests.assertThat(committed).isWaitingAt("handOver");
        BpmnAwareTests.assertThat(task(committed)).hasCandidateGroup("window-general");
        complete(task(committed), withVariables("handlingNote", "已移交"));

        BpmnAwareTests.assertThat(committed).isWaitingAt("review");
        Task review = task(committed);
        BpmnAwareTests.assertThat(review).hasCandidateGroup("dept-market");
        assertThat(review.getDueDate().toInstant()).isEqualTo(record.deadline());
        assertThat(review.getFollowUpDate().toInstant()).isEqualTo(record.warnAt());
        assertThat(record.warnAt()).isBefore(record.deadline());
        complete(review, withVariables("reviewOutcome", "PASS"));

        BpmnAwareTests.assertThat(committed).isWaitingAt("decide");
        BpmnAwareTests.assertThat(task(committed)).hasCandidateGroup("directors");
        complete(task(committed), withVariables("approved", "true", "handlingNote", "准予许可"));
        BpmnAwareTests.assertThat(committed).isEnded().hasPassed("completeCase", "caseCompleted");
        assertThat(cases.find(record.caseNumber()).orElseThrow().state()).isEqualTo(CaseState.COMPLETED);

        HttpResponse<String> response = get("/api/cases/" + record.caseNumber(), "clerk", DEMO_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode details = read(response);
        assertThat(details.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(details.path("sla").path("state").asText()).isEqualTo("MET");
        assertThat(details.path("openTasks")).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(record.caseNumber()).count())
                .as("no SLA watch or other process left running for a finished case").isZero();
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance startIntakeAsClerk(String idNumber, String materialsJson) {
        VariableMap variables = Variables.createVariables()
                .putValue("itemCode", "SJ-002")
                .putValue("applicantName", "赵小满")
                .putValue("applicantIdNumber", idNumber)
                .putValue("applicantPhone", "13800138000")
                .putValue("materials_SJ_002", SpinValues.jsonValue(materialsJson).create());
        // Tasklist starts the process with the logged-in user AND the user's groups as the engine's authentication:
        // setAuthenticatedUserId("clerk") alone has no groups and fails (clerk's rights come from the group clerks)
        List<String> groups = identity.createGroupQuery().groupMember("clerk").list().stream().map(Group::getId).toList();
        identity.setAuthentication("clerk", groups);
        try {
            return runtime.startProcessInstanceByKey("case-intake", variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private RegistrationResult registerAs(String user, String item, List<String> materials, boolean lawful) {
        return registration.register(new RegistrationRequest(item,
                new RegistrationRequest.ApplicantInput("赵小满", CaseRegistrationPostgresTest.idNumber("11010519900307123"),
                        "13800138000", null), materials, lawful, false, false, false, null, null, null), user);
    }

    private ProcessInstance denialFiling(String caseNumber) {
        ProcessInstance filing = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(CaseProcesses.DENIAL_FILING).singleResult();
        assertThat(filing).as("denial-filing of %s", caseNumber).isNotNull();
        return filing;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private JsonNode read(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
