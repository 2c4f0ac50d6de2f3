package org.bianmin.identity;

import org.bianmin.support.RegisteredCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 as an attacker with a clerk's password would try it: code execution through task
 * queries, the first-run setup, permanent lockout, self-approval, security headers.
 */
class SecurityPostgresTest extends PostgresIntegrationTest {

    /** An expression with a visible side effect: it calls a test bean that counts its calls. */
    private static final String SIDE_EFFECT = "${expressionProbe.touch()}";
    private static final String SIDE_EFFECT_JAVA = SIDE_EFFECT;

    @Autowired TaskService tasks;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;
    @Autowired ExpressionProbe probe;

    @RegisterExtension
    final RegisteredCases cases = RegisteredCases.eachTest(this::send, this::endInstance);

    @BeforeEach
    void setUp() {
        probe.reset();
    }


    // ---------------------------------------------------------------- expressions in task queries

    @Test
    void orQueriesExpressionIsRefusedAndNotEvaluated() {
        String body = "{\"orQueries\":[{\"assigneeExpression\":\"" + SIDE_EFFECT + "\"}]}";
        for (String user : new String[] {"clerk", "supervisor", "admin"}) {
            HttpResponse<String> response = send("POST", "/engine-rest/task", body, user, password(user));
            assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).contains("任务查询中不允许使用表达式");
            assertThat(send("POST", "/engine-rest/task/count", body, user, password(user)).statusCode()).isEqualTo(400);
        }
        assertThat(probe.calls()).as("the expression must not have been evaluated").isZero();

        // queries without expressions, with or without orQueries, still work
        assertThat(send("POST", "/engine-rest/task", "{\"orQueries\":[{\"nameLike\":\"%审%\"}]}", "clerk", DEMO_PASSWORD)
                .statusCode()).isEqualTo(200);
        assertThat(send("GET", "/engine-rest/task?nameLike=%25", null, "clerk", DEMO_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void filterExtensionExpressionIsRefusedAndNotEvaluated() {
        Filter mine = filters.createFilterQuery().filterName("我的待办").singleResult();
        String body = "{\"orQueries\":[{\"assigneeExpression\":\"" + SIDE_EFFECT + "\"}]}";
        HttpResponse<String> extended = send("POST", "/engine-rest/filter/" + mine.getId() + "/list", body, "clerk", DEMO_PASSWORD);
        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(400);
        assertThat(send("POST", "/engine-rest/filter/" + mine.getId() + "/count", body, "clerk", DEMO_PASSWORD).statusCode())
                .isEqualTo(400);
        assertThat(probe.calls()).isZero();

        // the stored filter keeps its ${currentUser()} and Tasklist's extension without expressions works
        assertThat(send("GET", "/engine-rest/filter/" + mine.getId() + "/list", null, "clerk", DEMO_PASSWORD).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/engine-rest/filter/" + mine.getId() + "/list", "{\"orQueries\":[{\"nameLike\":\"%\"}]}",
                "clerk", DEMO_PASSWORD).statusCode()).isEqualTo(200);
        // and nobody but camunda-admin creates or changes a filter (its query may hold expressions)
        String filter = "{\"resourceType\":\"Task\",\"name\":\"探测\",\"query\":{\"assigneeExpression\":\"" + SIDE_EFFECT + "\"}}";
        assertThat(send("POST", "/engine-rest/filter/create", filter, "clerk", DEMO_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/engine-rest/filter/" + mine.getId(), filter, "supervisor", DEMO_PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(probe.calls()).isZero();

        // the probe does work: a stored filter (made by the application, as camunda-admin may) evaluates it
        Filter stored = filters.saveFilter(filters.newTaskFilter("探测过滤器")
                .setQuery(tasks.createTaskQuery().taskAssigneeExpression(SIDE_EFFECT)));
        try {
            filters.count(stored.getId());
            assertThat(probe.calls()).isPositive();
        } finally {
            filters.deleteFilter(stored.getId());
        }
    }

    @Test
    void javaApiOrQueryExpressionIsRefused() {
        assertThatThrownBy(() -> tasks.createTaskQuery().or().taskAssigneeExpression(SIDE_EFFECT_JAVA).endOr().list())
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("expressions are not allowed");
        assertThatThrownBy(() -> tasks.createTaskQuery().or().taskAssigneeExpression(SIDE_EFFECT_JAVA).endOr().count())
                .isInstanceOf(BadUserRequestException.class);
        Filter mine = filters.createFilterQuery().filterName("我的待办").singleResult();
        assertThatThrownBy(() -> filters.list(mine.getId(), tasks.createTaskQuery().or()
                .taskAssigneeExpression(SIDE_EFFECT_JAVA).endOr())).isInstanceOf(BadUserRequestException.class);
        assertThat(probe.calls()).isZero();
    }

    // ---------------------------------------------------------------- the Admin webapp's first-run setup

    @Test
    void setupIsClosedEvenWhenCamundaAdminIsEmpty() throws Exception {
        identity.deleteMembership("admin", Groups.CAMUNDA_ADMIN);
        try {
            assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isZero();
            CookieManager cookies = new CookieManager();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
            // a first page gives the anonymous caller a session and a valid CSRF token
            browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/app/admin/default/"))).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
            String user = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"入侵\",\"lastName\":\"者\",\"email\":\"x@example.org\"},"
                    + "\"credentials\":{\"password\":\"intruder-secret-1\"}}";
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(url(
                            "/camunda/api/admin/setup/default/user/create"))).header("X-XSRF-TOKEN", token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.body()).contains("初始设置不可再用");
            assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
        } finally {
            identity.createMembership("admin", Groups.CAMUNDA_ADMIN);
            if (identity.createUserQuery().userId("intruder").count() > 0) {
                identity.deleteUser("intruder");
            }
        }
    }

    // ---------------------------------------------------------------- lockout

    @Test
    void lockoutRecoversByItselfWhenTheDelayHasPassed() {
        User probe = identity.newUser("lockout-probe");
        probe.setFirstName("锁定");
        probe.setLastName("测试");
        probe.setPassword("right-password-1");
        identity.saveUser(probe);
        try {
            Date now = Date.from(RegisteredCases.NOW);
            // 15 failures, each after the previous delay (Camunda's default locks for good after 10)
            for (int attempt = 1; attempt <= 15; attempt++) {
                ClockUtil.setCurrentTime(now);
                assertThat(identity.checkPassword("lockout-probe", "wrong")).isFalse();
                now = new Date(now.getTime() + 61_000);
            }
            // during the delay even the right password is refused, over HTTP as well
            ClockUtil.setCurrentTime(new Date(now.getTime() - 61_000 + 30_000));
            assertThat(get("/api/session", "lockout-probe", "right-password-1").statusCode()).isEqualTo(401);
            assertThat(identity.checkPassword("lockout-probe", "right-password-1")).isFalse();
            // the delay is bounded: 60 s after the last failure the account works again
            ClockUtil.setCurrentTime(now);
            assertThat(get("/api/session", "lockout-probe", "right-password-1").statusCode()).isEqualTo(200);
        } finally {
            identity.deleteUser("lockout-probe");
            cases.fixClock();
        }
    }

    // ---------------------------------------------------------------- separation of duties

    @Test
    void aDirectorCannotApproveHisOwnExtensionOrDelayNorFileHisOwnDenial() {
        String caseNumber = cases.registerCivilCase("director", DEMO_PASSWORD, RegisteredCases.idNumber("11010519850101123"),
                "13700137000");
        HttpResponse<String> extension = send("POST", "/api/cases/" + caseNumber + "/extensions",
                "{\"days\":3,\"reason\":\"需补充现场核查\"}", "director", DEMO_PASSWORD);
        assertThat(extension.statusCode()).as(extension.body()).isEqualTo(201);
        Task approval = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("approveExtension")
                .singleResult();
        // the approval form shows what is approved: 5 working days from Tue Nov 24 end Tue Dec 1; 3 more, Fri Dec 4
        assertThat((String) tasks.getVariable(approval.getId(), "caseSummary")).contains("**申请延期**: 3个工作日",
                "需补充现场核查", "**当前办结时限**: 2026年12月1日 17:30", "**批准后办结时限**: 2026年12月4日 17:30");
        assertThatThrownBy(() -> completeAs("director", approval, Map.of("approved", "true", "opinion", "同意")))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("不能审批或决定本人的延期申请");
        assertThat(tasks.createTaskQuery().taskId(approval.getId()).count()).as("the task stays open").isOne();

        // over Camunda's REST API (as Tasklist completes it) the refusal is a 403 with the reason
        HttpResponse<String> viaRest = send("POST", "/engine-rest/task/" + approval.getId() + "/complete",
                "{\"variables\":{\"approved\":{\"value\":\"true\"},\"opinion\":{\"value\":\"同意\"}}}", "director", DEMO_PASSWORD);
        assertThat(viaRest.statusCode()).as(viaRest.body()).isEqualTo(403);
        assertThat(viaRest.body()).contains("不能审批或决定本人的延期申请");

        HttpResponse<String> delay = send("POST", "/api/cases/" + caseNumber + "/delay-notices",
                "{\"until\":\"2026-12-31\",\"reason\":\"等待上级批复\"}", "director", DEMO_PASSWORD);
        assertThat(delay.statusCode()).as(delay.body()).isEqualTo(201);
        Task delayApproval = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("approveDelay")
                .singleResult();
        assertThat((String) tasks.getVariable(delayApproval.getId(), "caseSummary")).contains("**滞办至**: 2026年12月31日",
                "等待上级批复");
        assertThatThrownBy(() -> completeAs("director", delayApproval, Map.of("approved", "true", "opinion", "同意")))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("滞办告知申请");

        String returned = cases.registerReturnedCase("director", DEMO_PASSWORD, RegisteredCases.idNumber("11010519850101124"));
        Task filing = tasks.createTaskQuery().processInstanceBusinessKey(returned).taskDefinitionKey("fileDenial").singleResult();
        assertThatThrownBy(() -> completeAs("director", filing, Map.of("filingApproved", "true", "filingOpinion", "同意")))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("否定报备");
    }

    @Test
    void aDirectorCannotApproveTheUrgentAppointmentHeBookedHimself() {
        HttpResponse<String> booked = send("POST", "/api/appointments", "{\"applicantName\":\"钱预约\",\"phone\":\"13700002222\","
                + "\"channel\":\"PHONE\",\"window\":\"window-civil\",\"at\":\"2026-11-28T10:00:00+08:00\","
                + "\"matter\":\"周六紧急办理临时救助\",\"urgent\":true}", "director", DEMO_PASSWORD);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        long id = cases.read(booked).path("id").asLong();
        Task approval = tasks.createTaskQuery().processInstanceBusinessKey("appointment-" + id).taskDefinitionKey("approveAppointment")
                .singleResult();
        assertThat(approval).as("an urgent off-hours booking waits for a director").isNotNull();
        try {
            assertThatThrownBy(() -> completeAs("director", approval, Map.of("approvalOutcome", "APPROVED")))
                    .isInstanceOf(AuthorizationException.class).hasMessageContaining("紧急预约");
            assertThat(tasks.createTaskQuery().taskId(approval.getId()).count()).isOne();
        } finally {
            endInstance(approval.getProcessInstanceId());
        }
    }

    @Test
    void nobodyDecidesHisOwnAccountabilityRecordOrCorrectsHisOwnScore() {
        HttpResponse<String> event = send("POST", "/api/discipline-events", "{\"staff\":\"supervisor\",\"type\":\"MATERIALS_LOST\","
                + "\"occurredAt\":\"2026-11-24T09:00:00+08:00\",\"note\":\"卷宗遗失\"}", "director", DEMO_PASSWORD);
        assertThat(event.statusCode()).as(event.body()).isLessThan(300);
        long id = cases.read(get("/api/accountability?staff=supervisor&state=PROPOSED", "director", DEMO_PASSWORD))
                .path(0).path("id").asLong();
        HttpResponse<String> own = send("POST", "/api/accountability/" + id + "/decision",
                "{\"confirm\":false,\"reason\":\"不成立\"}", "supervisor", DEMO_PASSWORD);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
        assertThat(own.body()).contains("不能审核本人的问责记录");
        Task review = tasks.createTaskQuery().processInstanceBusinessKey("ACC-" + id).taskDefinitionKey("reviewRecord").singleResult();
        // the review form names the event and the person in Chinese, not by code and account id
        assertThat((String) tasks.getVariable(review.getId(), "caseSummary")).contains("资料遗失", "周平", "责任追究规则 第")
                .doesNotContain("MATERIALS_LOST", "supervisor", "accountability@");
        assertThatThrownBy(() -> completeAs("supervisor", review, Map.of("confirmed", "false", "reason", "不成立")))
                .isInstanceOf(AuthorizationException.class);
        // the person it names may make a statement, but not decide; another reviewer then decides it
        assertThat(send("POST", "/api/accountability/" + id + "/statement", "{\"text\":\"卷宗已找回\"}", "supervisor", DEMO_PASSWORD)
                .statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/accountability/" + id + "/decision", "{\"confirm\":false,\"reason\":\"测试记录, 撤销\"}",
                "director", DEMO_PASSWORD).statusCode()).isEqualTo(200);

        HttpResponse<String> correction = send("POST", "/api/assessments/2026-11/corrections",
                "{\"staff\":\"supervisor\",\"points\":5,\"reason\":\"加分\"}", "supervisor", DEMO_PASSWORD);
        assertThat(correction.statusCode()).as(correction.body()).isEqualTo(403);
        assertThat(correction.body()).contains("不能更正本人的考核分");
    }

    // ---------------------------------------------------------------- headers

    @Test
    void ourResponsesForbidSniffingFramingAndCaching() {
        for (String path : new String[] {"/api/items", "/rules/", "/dashboard/"}) {
            HttpResponse<String> response = get(path, "supervisor", DEMO_PASSWORD, "*/*");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("frame-ancestors 'self'", "script-src 'self'").doesNotContain("unsafe-eval"));
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
            assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
        // refusals too
        assertThat(get("/api/items", null, null).headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void noticesCarryNoInlineScript() {
        String caseNumber = cases.registerCivilCase("civil-a", DEMO_PASSWORD, RegisteredCases.idNumber("11010519850101125"),
                "13700137001");
        HttpResponse<String> notice = get("/api/cases/" + caseNumber + "/notices/acceptance", "civil-a", DEMO_PASSWORD, "text/html");
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(notice.body()).doesNotContain("onclick").contains("/print/print.js");
        assertThat(notice.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(http.sendAsync(HttpRequest.newBuilder(URI.create(url("/print/print.js"))).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).join().statusCode()).isEqualTo(200);
    }
}
