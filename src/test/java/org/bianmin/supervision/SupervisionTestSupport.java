package org.bianmin.supervision;

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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bianmin.accountability.AccountabilityService;
import org.bianmin.calendar.CalendarService;
import org.bianmin.cases.CaseAdjustments;
import org.bianmin.cases.CaseRecord;
import org.bianmin.cases.CaseRegistrationService;
import org.bianmin.cases.CaseRepository;
import org.bianmin.cases.CaseProcesses;
import org.bianmin.cases.CaseState;
import org.bianmin.cases.RegistrationRequest;
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
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shared set-up of the supervision tests (issue 7: Tasklist filters, time-limit board, dashboard),
 * without context configuration of its own, so the cached {@link PostgresIntegrationTest} application
 * serves them. Each test class works on its own March 2026 working day, which no other test uses
 * (the case tests use September/October, the accountability tests May to August), and fixes the
 * engine clock there. Before the clock moves, every job of the followed cases is suspended, so the
 * running job executor never takes one; timers are executed by the test. After each test the
 * followed cases are withdrawn (they leave the board), their accountability records dismissed, the
 * remaining process instances deleted, and only then is the clock reset.
 */
public abstract class SupervisionTestSupport extends PostgresIntegrationTest {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final String CLERK = "clerk";
    public static final String SUPERVISOR = "supervisor";
    public static final String DIRECTOR = "director";
    /** SJ-001 (即办件, 30 working minutes) and SJ-002 (承诺件) both belong to window-market. */
    public static final String MARKET = "window-market";
    static final List<String> SJ_001 = List.of("APPLICATION_FORM", "ID_CARD", "PREMISES_PROOF");
    static final List<String> SJ_002 = List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES");

    @Autowired protected ProcessEngine processEngine;
    @Autowired protected RuntimeService runtime;
    @Autowired protected TaskService tasks;
    @Autowired protected ManagementService management;
    @Autowired protected IdentityService identity;
    @Autowired protected CaseRegistrationService registration;
    @Autowired protected CaseRepository cases;
    @Autowired protected CaseAdjustments adjustments;
    @Autowired protected AccountabilityService accountability;
    @Autowired protected CalendarService calendars;
    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected ObjectMapper json;

    private final List<String> caseNumbers = new ArrayList<>();

    /** The cases of {@link #atRiskCases}: at 10:50 of their day, one in each SLA state. */
    public record AtRiskCases(String overdue, String warning, String onTime, String paused) {
    }

    @AfterEach
    void withdrawFollowedCasesThenResetClock() {
        identity.clearAuthentication();
        try {
            suspendJobs();
            for (String caseNumber : caseNumbers) {
                try {
                    CaseRecord c = cases.find(caseNumber).orElse(null);
                    if (c != null && (c.state() == CaseState.IN_PROGRESS || c.state() == CaseState.WAITING_SUPPLEMENT)) {
                        adjustments.withdraw(caseNumber, "测试结束, 申请人撤回", CLERK);
                    }
                } catch (RuntimeException e) {
                    // deleted below
                }
                for (Long id : jdbc.queryForList("select id from accountability_record where case_number = ? and state = 'PROPOSED'",
                        Long.class, caseNumber)) {
                    try {
                        deleteInstances("ACC-" + id);
                        jdbc.update("update accountability_record set state = 'DISMISSED', reviewer = ?, review_reason = '测试数据, 撤销'"
                                + " where id = ?", SUPERVISOR, id);
                    } catch (RuntimeException e) {
                        // the review instance is deleted below
                    }
                    deleteInstances("ACC-" + id);
                }
                deleteInstances(caseNumber);
            }
            // records dismissed above behind the service's back: their tallies are counted again when next needed
            jdbc.update("delete from accountability_tally");
        } finally {
            ClockUtil.reset();
        }
    }

    private void deleteInstances(String businessKey) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().forEach(instance ->
                endInstance(instance.getId()));
    }

    // ---------------------------------------------------------------- time

    public static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
    }

    /** Moves the engine clock, after suspending every job of the followed cases (the job executor runs). */
    protected void clock(Instant at) {
        suspendJobs();
        ClockUtil.setCurrentTime(Date.from(at));
    }

    protected void suspendJobs() {
        for (String caseNumber : caseNumbers) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()) {
                management.createJobQuery().processInstanceId(instance.getId()).active().list()
                        .forEach(job -> management.suspendJobById(job.getId()));
            }
        }
    }

    /** Moves the clock to {@code at} (jobs suspended first) and executes the SLA watch's timer of the case there. */
    protected void fireSla(String caseNumber, String activityId, Instant at) {
        ProcessInstance watch = instance(caseNumber, CaseProcesses.ROOT);
        List<Job> jobs = management.createJobQuery().processInstanceId(watch.getId()).activityId(activityId).timers().list();
        assertThat(jobs).as("timer %s of the watch of %s", activityId, caseNumber).hasSize(1);
        clock(at);
        management.executeJob(jobs.get(0).getId());
    }

    // ---------------------------------------------------------------- cases

    /** Registers an application as the clerk at the engine clock and follows the case. */
    protected String register(String item, List<String> materials) {
        String first17 = "11010519900307123";
        String caseNumber = registration.register(new RegistrationRequest(item,
                new RegistrationRequest.ApplicantInput("赵小满", first17 + PersonalData.checkCharacter(first17),
                        "13800138000", "小满餐饮店"), materials, true, false, false, false, null, null, null), CLERK).caseNumber();
        caseNumbers.add(caseNumber);
        return caseNumber;
    }

    /**
     * On {@code day}: an immediate case registered at 10:00 (warned 10:20, overdue at 10:30, the SLA
     * timers fired), an immediate case registered at 10:25 (warned at 10:45), a committed case and a
     * committed case waiting for supplements (paused) registered at 10:25. Leaves the clock at 10:50,
     * when they are OVERDUE (20 working minutes), WARNING, ON_TIME and PAUSED. All SJ-00x, window-market.
     */
    protected AtRiskCases atRiskCases(LocalDate day) {
        clock(at(day, "10:00"));
        String overdue = register("SJ-001", SJ_001);
        fireSla(overdue, "warningTime", at(day, "10:20"));
        clock(at(day, "10:25"));
        String warning = register("SJ-001", SJ_001);
        String onTime = register("SJ-002", SJ_002);
        String paused = register("SJ-002", List.of("APPLICATION_FORM", "BUSINESS_LICENSE"));
        fireSla(overdue, "deadlineTime", at(day, "10:31"));
        fireSla(warning, "warningTime", at(day, "10:45"));
        clock(at(day, "10:50"));

        assertThat(caseVariable(overdue, "slaState")).isEqualTo("OVERDUE");
        assertThat(caseVariable(warning, "slaState")).isEqualTo("WARNING");
        assertThat(caseVariable(onTime, "slaState")).isEqualTo("ON_TIME");
        assertThat(record(paused).state()).isEqualTo(CaseState.WAITING_SUPPLEMENT);
        assertThat(record(overdue).deadline()).isEqualTo(at(day, "10:30"));
        assertThat(record(warning).warnAt()).isEqualTo(at(day, "10:45"));
        assertThat(record(warning).deadline()).isEqualTo(at(day, "10:55"));
        return new AtRiskCases(overdue, warning, onTime, paused);
    }

    /**
     * Starts {@code case-intake} as the clerk, as the Tasklist start form does (a complete SJ-002
     * application): the case is registered and 出具告知单 waits for the clerk. Returns the case number.
     */
    protected String startIntakeAsClerk() {
        String first17 = "11010519900307123";
        VariableMap variables = Variables.createVariables()
                .putValue("itemCode", "SJ-002")
                .putValue("applicantName", "赵小满")
                .putValue("applicantIdNumber", first17 + PersonalData.checkCharacter(first17))
                .putValue("applicantPhone", "13800138000")
                .putValue("materials_SJ_002", SpinValues.jsonValue(
                        "[\"APPLICATION_FORM\", \"BUSINESS_LICENSE\", \"LAYOUT_PLAN\", \"SAFETY_RULES\"]").create());
        List<String> groups = identity.createGroupQuery().groupMember(CLERK).list().stream().map(Group::getId).toList();
        identity.setAuthentication(CLERK, groups);
        ProcessInstance intake;
        try {
            intake = runtime.startProcessInstanceByKey("case-intake", variables);
        } finally {
            identity.clearAuthentication();
        }
        String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(intake.getId()).singleResult().getBusinessKey();
        assertThat(caseNumber).isNotNull();
        caseNumbers.add(caseNumber);
        return caseNumber;
    }

    protected CaseRecord record(String caseNumber) {
        return cases.find(caseNumber).orElseThrow();
    }

    protected ProcessInstance instance(String businessKey, String processKey) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKey(processKey).singleResult();
        assertThat(instance).as("%s of %s", processKey, businessKey).isNotNull();
        return instance;
    }

    /** The running case-type process of a case. */
    protected ProcessInstance caseInstance(String caseNumber) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKeyIn("immediate-case", "committed-case", "forwarded-case", "joint-case", "petition-case")
                .singleResult();
        assertThat(instance).as("case process of %s", caseNumber).isNotNull();
        return instance;
    }

    /** The case's one root instance (what Cockpit opens). */
    protected ProcessInstance rootInstance(String caseNumber) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .rootProcessInstances().singleResult();
        assertThat(instance).as("root instance of %s", caseNumber).isNotNull();
        return instance;
    }

    protected Object caseVariable(String caseNumber, String name) {
        return runtime.getVariable(caseInstance(caseNumber).getId(), name);
    }

    /** The single open task of a key among all instances of a business key. */
    protected Task openTask(String businessKey, String taskKey) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task %s of %s", taskKey, businessKey).isNotNull();
        return task;
    }

    // ---------------------------------------------------------------- REST

    /** GET as a user (null: anonymous); asserts the status and returns the body as JSON. */
    protected JsonNode getJson(String path, String user, int status) {
        HttpResponse<String> response = get(path, user, user == null ? null : password(user));
        assertThat(response.statusCode()).as("GET %s as %s: %s", path, user, response.body()).isEqualTo(status);
        return read(response.body());
    }

    protected JsonNode getJson(String path, String user) {
        return getJson(path, user, 200);
    }

    protected HttpResponse<String> post(String path, String body, String user) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=UTF-8").header("Accept", "application/json")
                .header("Authorization", basic(user, password(user)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
