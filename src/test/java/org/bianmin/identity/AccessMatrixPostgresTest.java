package org.bianmin.identity;

import org.bianmin.support.RegisteredCases;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every row of docs/security.md probed over HTTP as every caller of its columns. A probe of an
 * action that changes something sends a body that is well-formed but invalid: an authorized caller
 * reaches validation (4xx other than 401/403) and nothing changes, an unauthorized one is refused
 * (403) before the body is looked at. The test fails on any cell that is not as the document says.
 */
class AccessMatrixPostgresTest extends PostgresIntegrationTest {

    private static final String PROBE_NAME = "矩阵探测";
    private static final String TOO_LONG = "长".repeat(501);

    private record Probe(String method, String path, String body) {
        static Probe get(String path) {
            return new Probe("GET", path, null);
        }

        static Probe post(String path, String body) {
            return new Probe("POST", path, body);
        }
    }

    private static final Map<String, Probe> PROBES = Map.ofEntries(
            Map.entry("CASE_REGISTER", Probe.post("/api/cases", "{}")),
            Map.entry("CASE_READ", Probe.get("/api/cases/{case}")),
            Map.entry("CASE_SEARCH", Probe.get("/api/cases?q={case}")),
            Map.entry("CASE_NOTICE_PRINT", Probe.get("/api/cases/{case}/notices/acceptance")),
            Map.entry("CASE_NOTICE_REISSUE", Probe.post("/api/cases/{case}/notices/reissue", "{\"type\":\"receipt\"}")),
            Map.entry("CASE_SUPPLEMENT", Probe.post("/api/cases/{case}/supplements", "{\"materials\":[]}")),
            Map.entry("CASE_EXTENSION", Probe.post("/api/cases/{case}/extensions", "{\"days\":0,\"reason\":\"探测\"}")),
            Map.entry("CASE_DELAY_NOTICE", Probe.post("/api/cases/{case}/delay-notices", "{\"until\":\"不是日期\",\"reason\":\"探测\"}")),
            Map.entry("CASE_WITHDRAWAL", Probe.post("/api/cases/{case}/withdrawal", "{\"reason\":\"" + TOO_LONG + "\"}")),
            Map.entry("CASE_DISTRICT_RESULT", Probe.post("/api/cases/{case}/district-result", "{\"approved\":true}")),
            Map.entry("CASE_PROXY", Probe.post("/api/cases/{case}/proxy", "{\"proxy\":\"no-such-user\",\"deliverTo\":\"dept-civil\"}")),
            Map.entry("CASE_PROXY_DELIVERED", Probe.post("/api/cases/{case}/proxy/delivered", "{}")),
            Map.entry("CASE_PROXY_READ", Probe.get("/api/cases/{case}/proxy")),
            Map.entry("CASE_EVALUATION", Probe.post("/api/cases/{case}/evaluation", "{\"rating\":9}")),
            Map.entry("SATISFACTION_READ", Probe.get("/api/evaluations/satisfaction?month=2026-11")),
            Map.entry("SUPERVISION_READ", Probe.get("/api/supervision/sla-board")),
            Map.entry("SUPERVISION_ORDER", Probe.post("/api/cases/{case}/supervision-orders", "{}")),
            Map.entry("SUPERVISION_REPLY", Probe.post("/api/supervision-orders/999999999/reply", "{}")),
            Map.entry("DENIAL_REPORT", Probe.get("/api/reports/denials/2026-11/export.csv")),
            Map.entry("ASSESSMENT_READ", Probe.get("/api/assessments/2026-11")),
            Map.entry("ASSESSMENT_APPEAL", Probe.post("/api/assessments/0000-13/appeals", "{}")),
            Map.entry("ASSESSMENT_MANAGE", Probe.post("/api/assessments/0000-13/run", "{}")),
            Map.entry("DISCIPLINE_RECORD", Probe.post("/api/discipline-events", "{}")),
            Map.entry("ACCOUNTABILITY_READ", Probe.get("/api/accountability?staff=civil-a")),
            Map.entry("ACCOUNTABILITY_STATEMENT", Probe.post("/api/accountability/999999999/statement", "{}")),
            Map.entry("ACCOUNTABILITY_DECIDE", Probe.post("/api/accountability/999999999/decision", "{}")),
            Map.entry("ROSTER_READ", Probe.get("/api/roster")),
            Map.entry("ROSTER_CHANGE", new Probe("PUT", "/api/roster/window-civil", "{}")),
            Map.entry("ABSENCE_RECORD", Probe.post("/api/absences", "{\"staff\":\"civil-a\",\"kind\":\"NOPE\","
                    + "\"from\":\"2026-11-25T08:30:00+08:00\",\"until\":\"2026-11-25T12:00:00+08:00\"}")),
            Map.entry("ABSENCE_READ", Probe.get("/api/absences")),
            Map.entry("INQUIRY_REGISTER", Probe.post("/api/inquiries", "{}")),
            Map.entry("INQUIRY_READ", Probe.get("/api/inquiries")),
            Map.entry("APPOINTMENT_BOOK", Probe.post("/api/appointments", "{}")),
            Map.entry("APPOINTMENT_READ", Probe.get("/api/appointments?date=2026-11-24")),
            Map.entry("APPOINTMENT_CHANGE", Probe.post("/api/appointments/999999999/cancel", "{}")),
            Map.entry("COMPLAINT_REGISTER", Probe.post("/api/complaints", "{}")),
            Map.entry("COMPLAINT_READ", Probe.get("/api/complaints/999999999")),
            Map.entry("RULES_READ", Probe.get("/api/rules")),
            Map.entry("RULES_CHANGE", new Probe("PUT", "/api/rules/calendar/draft", "{}")),
            Map.entry("RULES_APPROVE", Probe.post("/api/rules/calendar/versions/999999/approval", "{}")),
            Map.entry("CATALOGUE_READ", Probe.get("/api/items")),
            Map.entry("CALENDAR_READ", Probe.get("/api/calendar/years")),
            Map.entry("HEALTH", Probe.get("/actuator/health")),
            Map.entry("METRICS", Probe.get("/actuator/prometheus")),
            Map.entry("ENGINE_TASK_QUERY_EXPRESSION", Probe.post("/engine-rest/task",
                    "{\"orQueries\":[{\"assigneeExpression\":\"${expressionProbe.touch()}\"}]}")),
            Map.entry("ENGINE_START_EVALUATION", Probe.post("/engine-rest/process-definition/key/case-evaluation/start",
                    "{\"variables\":{\"caseNumber\":{\"value\":\"{case}\"},\"rating\":{\"value\":9},\"comment\":{\"value\":\"" + TOO_LONG + "\"}}}")),
            Map.entry("ENGINE_FILTER_CREATE", Probe.post("/engine-rest/filter/create",
                    "{\"resourceType\":\"Task\",\"name\":\"" + PROBE_NAME + "\",\"query\":{}}")),
            Map.entry("ENGINE_DEPLOY", Probe.post("/engine-rest/deployment/create", null)),
            Map.entry("ADMIN_SETUP", Probe.post("/camunda/api/admin/setup/default/user/create",
                    "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder-secret-1\"}}")));

    @Autowired RuntimeService runtime;
    @Autowired FilterService filters;
    @Autowired RepositoryService repository;
    @Autowired ExpressionProbe expressionProbe;
    @Autowired org.camunda.bpm.engine.IdentityService identity;

    @RegisterExtension
    final RegisteredCases cases = RegisteredCases.eachTest(this::send, this::endInstance);
    private String caseNumber;

    @BeforeEach
    void setUp() {
        caseNumber = cases.registerCivilCase("civil-a", DEMO_PASSWORD, RegisteredCases.idNumber("11010519870707123"),
                "13700137777");
    }

    @AfterEach
    void tearDown() {
        filters.createFilterQuery().filterName(PROBE_NAME).list().forEach(f -> filters.deleteFilter(f.getId()));
        repository.createDeploymentQuery().deploymentName(PROBE_NAME).list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    @Test
    void everyCellOfTheSecurityMatrixHolds() {
        SecurityMatrix matrix = SecurityMatrix.read();
        assertThat(PROBES.keySet()).as("a probe for every row of docs/security.md").containsAll(matrix.rows().keySet());
        List<String> wrong = new ArrayList<>();
        for (String key : matrix.rows().keySet()) {
            Probe probe = PROBES.get(key);
            for (String caller : SecurityMatrix.CALLERS) {
                String expected = matrix.expected(key, caller);
                HttpResponse<String> response = call(probe, caller);
                if (caller.equals("wrong-password")) {
                    // a wrong password delays the user's next login (the clock stands still here)
                    identity.unlockUser("civil-a");
                }
                int status = response.statusCode();
                boolean holds = switch (expected) {
                    case "✓" -> status != 401 && status != 403 && status < 500;
                    case "✗" -> status == 403;
                    default -> status == Integer.parseInt(expected);
                };
                if (!holds) {
                    wrong.add(key + " as " + caller + ": expected " + expected + ", got " + status + " "
                            + response.body().substring(0, Math.min(200, response.body().length())));
                }
            }
        }
        assertThat(wrong).as("cells not as docs/security.md says").isEmpty();
        assertThat(expressionProbe.calls()).as("no expression was evaluated").isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).processDefinitionKey("committed-case")
                .count()).as("the probes changed nothing: the case still runs").isOne();
    }

    @Test
    void everyApiHandlerDeclaresWhoMayCallIt(@Autowired @org.springframework.beans.factory.annotation.Qualifier(
            "requestMappingHandlerMapping") org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mapping) {
        List<String> undeclared = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, method) -> {
            boolean api = info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api"));
            boolean declared = method.hasMethodAnnotation(Authorized.class)
                    || method.hasMethodAnnotation(org.bianmin.web.AnyAuthenticatedUser.class)
                    || method.getBeanType().isAnnotationPresent(org.bianmin.web.AnyAuthenticatedUser.class);
            if (api && !declared) {
                undeclared.add(info + " -> " + method);
            }
        });
        assertThat(undeclared).isEmpty();
        assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(60);
    }

    private HttpResponse<String> call(Probe probe, String caller) {
        String user = caller.equals("anonymous") ? null : caller.equals("wrong-password") ? "civil-a" : caller;
        String password = caller.equals("wrong-password") ? "not-the-password" : user == null ? null : password(user);
        String path = probe.path().replace("{case}", caseNumber);
        if (probe.method().equals("GET")) {
            return get(path, user, password, "*/*");
        }
        if (probe.path().endsWith("/deployment/create")) {
            return deploy(user, password);
        }
        return send(probe.method(), path, probe.body().replace("{case}", caseNumber), user, password);
    }

    /** A multipart deployment of one harmless resource, as Camunda Modeler sends it. */
    private HttpResponse<String> deploy(String user, String password) {
        String boundary = "bianmin-probe-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + PROBE_NAME + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"probe.txt\"; filename=\"probe.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nprobe\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/engine-rest/deployment/create")))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return exchange(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
