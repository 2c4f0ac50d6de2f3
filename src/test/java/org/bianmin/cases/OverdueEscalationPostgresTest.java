package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bianmin.privacy.PersonalData;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 4: a committed case registered over REST runs late on real PostgreSQL, and the real job
 * executor of the shared context fires the SLA timers of its root instance by itself once the engine clock
 * has been moved past the warning time and then past the deadline: WARNING, then OVERDUE with an
 * event for accountability and a supervision task for {@code supervisors}, visible in
 * {@code GET /api/cases/{n}}. Nothing sleeps: the clock is moved and the state is awaited with a bound.
 * Everything is looked up by the case number, as other tests share the database.
 */
class OverdueEscalationPostgresTest extends PostgresIntegrationTest {

    static final List<String> SJ002_ALL_MATERIALS = List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES");
    private static final Duration JOB_EXECUTOR_BOUND = Duration.ofSeconds(30);

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void committedCaseWarnsThenEscalatesToSupervisorsThroughTheJobExecutor() {
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
        assertThat(jobExecutor.isActive()).as("the job executor runs in the shared context").isTrue();

        JsonNode registered = register(port, json, "clerk");
        String caseNumber = registered.path("caseNumber").asText();
        assertThat(registered.path("disposition").asText()).isEqualTo("ACCEPTED");
        assertThat(registered.path("caseType").asText()).isEqualTo("COMMITTED");

        JsonNode sla = details(caseNumber, "supervisor").path("sla");
        Instant warnAt = OffsetDateTime.parse(sla.path("warnAt").asText()).toInstant();
        Instant deadline = OffsetDateTime.parse(sla.path("deadline").asText()).toInstant();
        assertThat(sla.path("state").asText()).isEqualTo("ON_TIME");
        assertThat(warnAt).isBefore(deadline);

        ProcessInstance caseInstance = caseInstance(caseNumber);
        ProcessInstance watch = runtime.createProcessInstanceQuery().processDefinitionKey(CaseProcesses.ROOT)
                .processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(watch).isNotNull();
        Job warningTimer = management.createJobQuery().processInstanceId(watch.getId()).timers().activityId("warningTime").singleResult();
        assertThat(warningTimer.getDuedate()).isEqualTo(Date.from(warnAt));
        assertThat(runtime.getVariable(caseInstance.getId(), "slaState")).isEqualTo("ON_TIME");

        // ---- past the warning time: the job executor fires the warning timer by itself
        ClockUtil.setCurrentTime(Date.from(warnAt.plusSeconds(60)));
        jobExecutor.jobWasAdded();
        awaitJobExecutor(caseNumber, () -> {
            assertThat(runtime.getVariable(caseInstance.getId(), "slaState")).isEqualTo("WARNING");
            assertThat(events(caseNumber, "CASE_WARNING")).isEqualTo(1);
            // the root now waits for the deadline only
            assertThat(management.createJobQuery().processInstanceId(watch.getId()).timers().list())
                    .extracting(Job::getDuedate).containsExactly(Date.from(deadline));
        });
        assertThat(events(caseNumber, "CASE_OVERDUE")).isZero();
        assertThat(supervisionTasks(caseNumber)).isEmpty();
        assertThat(details(caseNumber, "supervisor").path("sla").path("state").asText()).isEqualTo("WARNING");

        // ---- past the deadline: OVERDUE, an event for accountability and a task for the supervisors
        ClockUtil.setCurrentTime(Date.from(deadline.plusSeconds(60)));
        jobExecutor.jobWasAdded();
        awaitJobExecutor(caseNumber, () -> {
            assertThat(runtime.getVariable(caseInstance.getId(), "slaState")).isEqualTo("OVERDUE");
            assertThat(events(caseNumber, "CASE_OVERDUE")).isEqualTo(1);
            assertThat(supervisionTasks(caseNumber)).hasSize(1);
        });
        assertThat(management.createJobQuery().processInstanceId(watch.getId()).list())
                .as("no timer is left on the watch").isEmpty();
        Task supervise = supervisionTasks(caseNumber).get(0);
        assertThat(supervise.getProcessInstanceId()).isEqualTo(watch.getId());
        assertThat(supervise.getName()).contains("督办超期案件");
        assertThat(tasks.getIdentityLinksForTask(supervise.getId()))
                .filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .extracting(link -> link.getGroupId()).containsExactly("supervisors");
        assertThat(tasks.createTaskQuery().taskId(supervise.getId()).taskCandidateUser("supervisor").count())
                .as("user supervisor may claim it").isEqualTo(1);
        assertThat(jdbc.queryForObject("select details from case_event where case_number = ? and event_type = 'CASE_OVERDUE'",
                String.class, caseNumber)).contains("extension=", "delayNotice=");
        // the case itself still runs: the department has not finished it
        assertThat(caseInstance(caseNumber)).isNotNull();

        JsonNode overdue = details(caseNumber, "supervisor");
        assertThat(overdue.path("sla").path("state").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.path("escalations")).hasSize(1);
        assertThat(overdue.path("escalations").get(0).path("type").asText()).isEqualTo("CASE_OVERDUE");
        assertThat(OffsetDateTime.parse(overdue.path("escalations").get(0).path("occurredAt").asText()).toInstant())
                .isAfterOrEqualTo(deadline);
        assertThat(overdue.path("openTasks").findValuesAsText("taskDefinitionKey")).contains("superviseOverdue");
        assertThat(overdue.path("openTasks").toString()).contains("supervisors");

        // the supervisor acts on the escalation with a 督办单 to the suggested person; the case works on
        tasks.claim(supervise.getId(), "supervisor");
        tasks.complete(supervise.getId(), Map.of("handlingNote", "已督促市场监管所当日办结"));
        assertThat(jdbc.queryForList("select staff || '|' || details from case_event where case_number = ? and event_type = 'SUPERVISION_ORDERED'",
                String.class, caseNumber)).singleElement().asString().startsWith("supervisor|已督促市场监管所当日办结; 责任人: ");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(watch).isWaitingAtExactly("caseWork", "supervisionOrder");
        assertThat(events(caseNumber, "CASE_OVERDUE")).as("the deadline fired once").isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers (also used by the browser test)

    /** Registers a complete SJ-002 application (a committed case of dept-market) over REST as {@code user}. */
    static JsonNode register(int port, ObjectMapper json, String user) {
        ObjectNode request = json.createObjectNode().put("itemCode", "SJ-002");
        String first17 = "11010519900307123";
        request.putObject("applicant").put("name", "赵小满").put("idNumber", first17 + PersonalData.checkCharacter(first17))
                .put("phone", "13800138000").put("organization", "小满餐饮店");
        SJ002_ALL_MATERIALS.forEach(request.putArray("materials")::add);
        HttpResponse<String> response = post(port, "/api/cases", request.toString(), user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(json, response);
    }

    static HttpResponse<String> post(int port, String path, String body, String user) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=UTF-8").header("Accept", "application/json")
                .header("Authorization", basic(user, DEMO_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(ObjectMapper json, HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private JsonNode details(String caseNumber, String user) {
        HttpResponse<String> response = get("/api/cases/" + caseNumber, user, DEMO_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(json, response);
    }

    private ProcessInstance caseInstance(String caseNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("committed-case")
                .processInstanceBusinessKey(caseNumber).singleResult();
    }

    private List<Task> supervisionTasks(String caseNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("superviseOverdue").list();
    }

    private long events(String caseNumber, String type) {
        return jdbc.queryForObject("select count(*) from case_event where case_number = ? and event_type = ?",
                Long.class, caseNumber, type);
    }

    /**
     * Waits (bounded) until the job executor has done what {@code check} asserts. Each poll wakes the
     * acquisition thread, which may be in a long idle backoff; a failing job is reported on timeout.
     */
    private void awaitJobExecutor(String caseNumber, Runnable check) {
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
        await().atMost(JOB_EXECUTOR_BOUND).pollInterval(Duration.ofMillis(200))
                .conditionEvaluationListener(condition -> {
                    if (!condition.isSatisfied() && condition.getRemainingTimeInMS() < 300) {
                        System.err.println("jobs of " + caseNumber + ": " + describeJobs(caseNumber));
                    }
                })
                .untilAsserted(() -> {
                    jobExecutor.jobWasAdded();
                    check.run();
                });
    }

    private String describeJobs(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).list().stream())
                .map(j -> j.getId() + " due " + j.getDuedate() + " retries " + j.getRetries() + " " + j.getExceptionMessage())
                .collect(Collectors.joining("; "));
    }
}
