package org.bianmin.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.bianmin.privacy.PersonalData;
import org.bianmin.support.PostgresIntegrationTest;
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
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shared set-up of the accountability and assessment integration tests (no context configuration
 * of its own: the cached {@link PostgresIntegrationTest} application serves them). Each test class
 * works in months no other test uses (2026-05 .. 2026-08) and fixes the engine clock inside them.
 * Before the clock moves, every job of the process instances the test follows (by business key)
 * is suspended, so that the running job executor never takes one ({@code executeJob} ignores
 * suspension). After each test those instances are deleted, then the clock is reset.
 */
public abstract class AccountabilityTestSupport extends PostgresIntegrationTest {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired protected ProcessEngine processEngine;
    @Autowired protected RuntimeService runtime;
    @Autowired protected TaskService tasks;
    @Autowired protected ManagementService management;
    @Autowired protected IdentityService identity;
    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected ObjectMapper json;

    private final List<String> businessKeys = new ArrayList<>();

    @AfterEach
    void endFollowedInstancesThenResetClock() {
        identity.clearAuthentication();
        try {
            for (String key : businessKeys) {
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list().forEach(instance ->
                        endInstance(instance.getId()));
            }
        } finally {
            ClockUtil.reset();
        }
    }

    // ---------------------------------------------------------------- time

    /** A local date-time in Shanghai. */
    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /** Moves the engine clock, after suspending every job of the followed instances (the job executor runs). */
    protected void clock(Instant at) {
        suspendJobs();
        ClockUtil.setCurrentTime(Date.from(at));
    }

    protected void suspendJobs() {
        for (String key : businessKeys) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()) {
                management.createJobQuery().processInstanceId(instance.getId()).active().list()
                        .forEach(job -> management.suspendJobById(job.getId()));
            }
        }
    }

    /** Follows the instances of a business key: their jobs are suspended before the clock moves, they are deleted after the test. */
    protected void follow(String businessKey) {
        businessKeys.add(businessKey);
    }

    /** The single timer job of an activity of a process instance. */
    protected Job timer(ProcessInstance instance, String activityId) {
        List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers().list();
        assertThat(jobs).as("timer %s of %s", activityId, instance.getProcessDefinitionId()).hasSize(1);
        return jobs.get(0);
    }

    /** Moves the clock to {@code at} (jobs suspended first) and executes the job there. */
    protected void fire(Job job, Instant at) {
        clock(at);
        management.executeJob(job.getId());
    }

    // ---------------------------------------------------------------- engine

    protected ProcessInstance instance(String businessKey, String processKey) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKey(processKey).singleResult();
        assertThat(instance).as("%s of %s", processKey, businessKey).isNotNull();
        return instance;
    }

    protected Task openTask(ProcessInstance instance, String taskKey) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task %s", taskKey).isNotNull();
        return task;
    }

    protected List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).sorted().toList();
    }

    // ---------------------------------------------------------------- REST

    protected HttpResponse<String> post(String path, String body, String user) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=UTF-8").header("Accept", "application/json")
                .header("Authorization", basic(user, password(user)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected HttpResponse<byte[]> download(String path, String user) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user, password(user))).GET().build();
        return exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET as a user; asserts 200 and returns the JSON. */
    protected JsonNode getJson(String path, String user) {
        HttpResponse<String> response = get(path, user, password(user));
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return read(response);
    }

    /** POST as a user; asserts the status and returns the JSON. */
    protected JsonNode postJson(String path, String body, String user, int status) {
        HttpResponse<String> response = post(path, body, user);
        assertThat(response.statusCode()).as("POST %s %s: %s", path, body, response.body()).isEqualTo(status);
        return read(response);
    }

    protected JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** Asserts a JSON error response: status, error code (if given), a message. */
    protected JsonNode assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = read(response);
        if (code != null) {
            assertThat(error.path("error").asText()).as(response.body()).isEqualTo(code);
        }
        assertThat(error.path("message").asText()).as(response.body()).isNotBlank();
        return error;
    }

    protected ObjectNode object() {
        return json.createObjectNode();
    }

    /** Records an attendance/discipline event over REST as {@code supervisor}; returns its id. */
    protected long discipline(String staff, String type, String occurredAt, String note) {
        ObjectNode body = object().put("staff", staff).put("type", type).put("occurredAt", occurredAt).put("note", note);
        JsonNode event = postJson("/api/discipline-events", body.toString(), "supervisor", 201);
        assertThat(event.path("staff").asText()).isEqualTo(staff);
        assertThat(event.path("type").asText()).isEqualTo(type);
        return event.path("id").asLong();
    }

    /** Registers an SJ-002 application (a committed case of dept-market) over REST as {@code clerk}; follows its instances. */
    protected JsonNode registerCase(String clerk, boolean lawful) {
        ObjectNode request = object().put("itemCode", "SJ-002").put("lawful", lawful);
        String first17 = "11010519900307123";
        request.putObject("applicant").put("name", "赵小满").put("idNumber", first17 + PersonalData.checkCharacter(first17))
                .put("phone", "13800138000").put("organization", "小满餐饮店");
        List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES").forEach(request.putArray("materials")::add);
        JsonNode registered = postJson("/api/cases", request.toString(), clerk, 201);
        follow(registered.path("caseNumber").asText());
        return registered;
    }

    /** The month's sheet's entry of one staff member. */
    protected static JsonNode staffEntry(JsonNode sheet, String staff) {
        for (JsonNode s : sheet.path("staff")) {
            if (s.path("staff").asText().equals(staff)) {
                return s;
            }
        }
        throw new AssertionError("no entry for " + staff + " in " + sheet);
    }

    protected static JsonNode windowEntry(JsonNode sheet, String window) {
        for (JsonNode w : sheet.path("windows")) {
            if (w.path("window").asText().equals(window)) {
                return w;
            }
        }
        throw new AssertionError("no window " + window + " in " + sheet);
    }

    /**
     * Checks the ranking of a sheet against the ranking table: windows ordered by score, equal scores
     * share a place, ranks 1-5 are red flags, windows in the last five places (and not red flags)
     * lose that month's award eligibility (below ten windows: 30 %, a tie at its last place from the
     * top); a window's score is the mean of its staff's scores.
     */
    protected static void assertRankingFollowsTheTable(JsonNode sheet) {
        JsonNode windows = sheet.path("windows");
        int n = windows.size();
        assertThat(n).as("windows ranked").isGreaterThanOrEqualTo(7);
        for (int i = 0; i < n; i++) {
            JsonNode w = windows.get(i);
            int rank = w.path("rank").asInt();
            if (i == 0) {
                assertThat(rank).isEqualTo(1);
            } else {
                JsonNode previous = windows.get(i - 1);
                int cmp = w.path("score").decimalValue().compareTo(previous.path("score").decimalValue());
                assertThat(cmp).as("ordered by score: %s", sheet).isLessThanOrEqualTo(0);
                assertThat(rank).as("rank of %s", w).isEqualTo(cmp == 0 ? previous.path("rank").asInt() : i + 1);
            }
            // the shipped ranking table: top and bottom five from ten windows on, top and bottom 30 % below ten (first hit)
            // a tie counts at its last place for the share from the top
            BigDecimal score = w.path("score").decimalValue();
            int tied = 0;
            for (JsonNode other : windows) {
                tied += other.path("score").decimalValue().compareTo(score) == 0 ? 1 : 0;
            }
            boolean redFlag = n >= 10 ? rank <= 5 : (rank + tied - 1) * 100 / n <= 30;
            boolean losesAward = !redFlag && (n >= 10 ? rank > n - 5 : (n - rank + 1) * 100 / n <= 30);
            assertThat(w.path("redFlag").asBoolean()).as("red flag of %s", w).isEqualTo(redFlag);
            assertThat(w.path("awardEligible").asBoolean()).as("award eligibility of %s", w).isEqualTo(!losesAward);
            // window score = mean of its staff
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            int count = 0;
            for (JsonNode s : sheet.path("staff")) {
                if (s.path("window").asText().equals(w.path("window").asText())) {
                    sum = sum.add(s.path("score").decimalValue());
                    count++;
                }
            }
            assertThat(count).as("staff of %s", w).isPositive();
            assertThat(w.path("score").decimalValue()).as("mean score of %s", w)
                    .isEqualByComparingTo(sum.divide(java.math.BigDecimal.valueOf(count), 2, java.math.RoundingMode.HALF_UP));
        }
    }
}
