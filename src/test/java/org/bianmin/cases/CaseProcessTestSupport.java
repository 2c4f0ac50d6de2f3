package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bianmin.notices.NoticeRepository;
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
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shared set-up of the case-type process tests (no context configuration of its own: the cached
 * {@link PostgresIntegrationTest} application serves them all). The engine clock stands at
 * Wednesday 2026-09-30 10:00 (+08:00), the day before the National Day holidays (Oct 1-7, make-up
 * working day Saturday Oct 10); tests move it and execute timer jobs themselves. Before the clock
 * moves, every job of the test's cases is suspended so that the running job executor never takes
 * one ({@code executeJob} ignores suspension). After each test the cases' remaining process
 * instances are deleted (while the clock still stands), so no timer of theirs fires later.
 */
abstract class CaseProcessTestSupport extends PostgresIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Wednesday 2026-09-30 10:00: the next working day is Thursday 2026-10-08. */
    static final Instant BEFORE_NATIONAL_DAY = at("2026-09-30T10:00");
    static final String CLERK = "clerk";

    static final List<String> SJ_001 = List.of("APPLICATION_FORM", "ID_CARD", "PREMISES_PROOF");
    static final List<String> SJ_002 = List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES");
    static final List<String> RS_004 = List.of("ID_CARD", "ARCHIVE", "RETIREMENT_FORM", "PHOTO");
    static final List<String> ZH_001 = List.of("APPLICATION_FORM", "BIRTH_CERT", "PARENTS_ID", "HOUSEHOLD_REGISTER", "MARRIAGE_CERT");
    static final List<String> XF_001 = List.of("PETITION_LETTER", "ID_CARD");

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired CaseRegistrationService registration;
    @Autowired CaseRepository cases;
    @Autowired CaseAdjustments adjustments;
    @Autowired NoticeRepository notices;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    private final List<String> caseNumbers = new ArrayList<>();

    @BeforeEach
    void fixClockAndAssertions() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(BEFORE_NATIONAL_DAY));
    }

    @AfterEach
    void endLeftoversThenResetClock() {
        identity.clearAuthentication();
        try {
            for (String caseNumber : caseNumbers) {
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).rootProcessInstances().list()
                        .forEach(instance -> endInstance(instance.getId()));
            }
        } finally {
            ClockUtil.reset();
        }
    }

    // ---------------------------------------------------------------- time

    /** A local date-time in Shanghai. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /** Moves the engine clock, after suspending every job of this test's cases (the job executor runs). */
    void clock(Instant at) {
        suspendJobs();
        ClockUtil.setCurrentTime(Date.from(at));
    }

    void suspendJobs() {
        for (String caseNumber : caseNumbers) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()) {
                management.createJobQuery().processInstanceId(instance.getId()).active().list()
                        .forEach(job -> management.suspendJobById(job.getId()));
            }
        }
    }

    /** The single timer job of an activity of a process instance. */
    Job timer(ProcessInstance instance, String activityId) {
        List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers().list();
        assertThat(jobs).as("timer %s of %s", activityId, instance.getProcessDefinitionId()).hasSize(1);
        return jobs.get(0);
    }

    /** The case's SLA timers (warning and deadline on the root's work step) that would fire: not suspended. */
    long activeSlaTimers(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                .mapToLong(instance -> management.createJobQuery().processInstanceId(instance.getId()).timers()
                        .activityId("deadlineTime").count() + management.createJobQuery().processInstanceId(instance.getId())
                        .timers().activityId("warningTime").count())
                .sum();
    }

    /** Moves the clock to {@code at} (jobs suspended first) and executes the job there. */
    void fire(Job job, Instant at) {
        clock(at);
        management.executeJob(job.getId());
    }

    // ---------------------------------------------------------------- cases and processes

    String register(String item, List<String> materials) {
        return register(item, materials, true, false, false);
    }

    String register(String item, List<String> materials, boolean lawful, boolean petition, boolean major) {
        RegistrationResult result = registration.register(new RegistrationRequest(item,
                new RegistrationRequest.ApplicantInput("赵小满", CaseRegistrationPostgresTest.idNumber("11010519900307123"),
                        "13800138000", "小满餐饮店"), materials, lawful, false, petition, major, null, null, null), CLERK);
        caseNumbers.add(result.caseNumber());
        return result.caseNumber();
    }

    /** Follows a case created another way (e.g. by a Tasklist start), so that it is cleaned up too. */
    void track(String caseNumber) {
        caseNumbers.add(caseNumber);
    }

    CaseRecord record(String caseNumber) {
        return cases.find(caseNumber).orElseThrow();
    }

    ProcessInstance instance(String caseNumber, String processKey) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(processKey).singleResult();
        assertThat(instance).as("%s of %s", processKey, caseNumber).isNotNull();
        return instance;
    }

    long instances(String caseNumber, String processKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).processDefinitionKey(processKey).count();
    }

    /** The case's running root instances: one while the case runs (its called processes are not counted). */
    long runningInstances(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).rootProcessInstances().count();
    }

    Task openTask(ProcessInstance instance, String taskKey) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task %s", taskKey).isNotNull();
        return task;
    }

    List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).sorted().toList();
    }

    /** {@code details} of a case's events of a type, oldest first. */
    List<String> events(String caseNumber, String type) {
        return jdbc.queryForList("select coalesce(details, '') from case_event where case_number = ? and event_type = ? order by id",
                String.class, caseNumber, type);
    }

    /** {@code staff|window_group|occurred_at} of a case's events of a type. */
    List<String> eventRows(String caseNumber, String type) {
        return jdbc.queryForList("select coalesce(staff, '-') || '|' || coalesce(window_group, '-') || '|' || occurred_at "
                        + "from case_event where case_number = ? and event_type = ? order by id", String.class, caseNumber, type)
                .stream().toList();
    }

    Instant eventTime(String caseNumber, String type) {
        return jdbc.queryForObject("select max(occurred_at) from case_event where case_number = ? and event_type = ?",
                java.sql.Timestamp.class, caseNumber, type).toInstant();
    }

    /** The SLA state the case file shows (MET or BREACHED once the case ended; the engine keeps no variable history). */
    String finalSlaState(ProcessInstance instance) {
        return details(instance.getBusinessKey()).path("sla").path("state").asText();
    }

    // ---------------------------------------------------------------- REST

    HttpResponse<String> post(String path, String body, String user) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=UTF-8").header("Accept", "application/json")
                .header("Authorization", basic(user, password(user)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode details(String caseNumber) {
        HttpResponse<String> response = get("/api/cases/" + caseNumber, CLERK, DEMO_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response);
    }

    String noticeHtml(String caseNumber, String type) {
        HttpResponse<String> response = get("/api/cases/" + caseNumber + "/notices/" + type, CLERK, DEMO_PASSWORD, "text/html");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** Asserts a JSON error response: status and error code. */
    JsonNode assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = read(response);
        if (code != null) {
            assertThat(error.path("error").asText()).as(response.body()).isEqualTo(code);
        }
        assertThat(error.path("message").asText()).as(response.body()).isNotBlank();
        return error;
    }

    JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    String jsonBody(Map<String, ?> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
