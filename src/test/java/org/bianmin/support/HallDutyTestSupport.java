package org.bianmin.support;

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
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shared set-up of the hall-duty tests on PostgreSQL (no context configuration of its own). The
 * engine clock is fixed; every process instance of the hall-duty processes started during a test
 * has its jobs suspended before the clock moves (the job executor runs) and is deleted after the
 * test, with the absences, hand-overs and vacancies the test recorded, before the clock is reset.
 */
public abstract class HallDutyTestSupport extends PostgresIntegrationTest {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    protected static final List<String> HALL_PROCESSES = List.of("staff-absence", "post-vacancy", "inquiry-referral",
            "proxy-delivery", "appointment", "complaint-handling", "case-evaluation", "bad-evaluation");

    @Autowired protected RuntimeService runtime;
    @Autowired protected TaskService tasks;
    @Autowired protected ManagementService management;
    @Autowired protected IdentityService identity;
    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected ObjectMapper json;

    private long firstEventId;

    @BeforeEach
    void fixClock() {
        firstEventId = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from case_event", Long.class);
        ClockUtil.setCurrentTime(Date.from(startClock()));
    }

    /** Where the engine clock stands when a test begins. */
    protected abstract Instant startClock();

    @AfterEach
    void cleanUpThenResetClock() {
        identity.clearAuthentication();
        try {
            for (String key : HALL_PROCESSES) {
                runtime.createProcessInstanceQuery().processDefinitionKey(key).list().forEach(instance ->
                        endInstance(instance.getId()));
            }
            jdbc.update("delete from task_handover");
            jdbc.update("delete from staff_absence");
            jdbc.update("delete from post_vacancy");
            // hall-duty events of the test's fixed dates must not reach other tests' assessments
            jdbc.update("delete from case_event where id >= ? and event_type in ('POST_VACANT', 'APPOINTMENT_MISSED', "
                    + "'COMPLAINT_VERIFIED', 'COMPLAINT_REPLY_OVERDUE', 'BAD_EVALUATION_CONFIRMED', "
                    + "'EVALUATION_RECTIFICATION_OVERDUE', 'PROXY_DELIVERY_OVERDUE')", firstEventId);
        } finally {
            ClockUtil.reset();
        }
    }

    protected static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    protected static String iso(String localDateTime) {
        return at(localDateTime).atZone(SHANGHAI).toOffsetDateTime().toString();
    }

    /** Moves the clock after suspending every job of the hall-duty processes (the job executor must not take one). */
    protected void clock(Instant at) {
        suspendJobs();
        ClockUtil.setCurrentTime(Date.from(at));
    }

    protected void suspendJobs() {
        for (String key : HALL_PROCESSES) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey(key).list()) {
                management.createJobQuery().processInstanceId(instance.getId()).active().list()
                        .forEach(job -> management.suspendJobById(job.getId()));
            }
        }
    }

    protected Job timer(ProcessInstance instance, String activityId) {
        List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers().list();
        assertThat(jobs).as("timer %s of %s", activityId, instance.getProcessDefinitionId()).hasSize(1);
        return jobs.get(0);
    }

    /** Moves the clock to the timer's due date (jobs suspended first) and executes it. */
    protected void fire(Job job) {
        clock(job.getDuedate().toInstant());
        management.executeJob(job.getId());
    }

    protected ProcessInstance instance(String processKey, String businessKey) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).singleResult();
        assertThat(instance).as("%s %s", processKey, businessKey).isNotNull();
        return instance;
    }

    protected Task openTask(ProcessInstance instance, String taskKey) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task %s", taskKey).isNotNull();
        return task;
    }

    /** {@code staff|window_group|details} of the events of a type recorded during this test. */
    protected List<String> events(String type) {
        return jdbc.queryForList("select coalesce(staff, '-') || '|' || coalesce(window_group, '-') || '|' || coalesce(details, '') "
                + "from case_event where id >= ? and event_type = ? order by id", String.class, firstEventId, type);
    }

    protected int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    // ---------------------------------------------------------------- REST

    protected HttpResponse<String> send(String method, String path, Object body, String user) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json; charset=UTF-8").header("Accept", "application/json")
                    .header("Authorization", basic(user, password(user)))
                    .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : json.writeValueAsString(body),
                            StandardCharsets.UTF_8)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> post(String path, Object body, String user) {
        return send("POST", path, body, user);
    }

    protected JsonNode getJson(String path, String user) {
        HttpResponse<String> response = get(path, user, password(user));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response);
    }

    protected JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    protected JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response);
    }

    protected void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(read(response).path("error").asText()).as(response.body()).isEqualTo(code);
        assertThat(read(response).path("message").asText()).isNotBlank();
    }
}
