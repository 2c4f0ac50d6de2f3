package org.bianmin.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.cases.CaseAdjustments;
import org.bianmin.cases.CaseRegistrationService;
import org.bianmin.cases.CaseState;
import org.bianmin.cases.RegistrationRequest;
import org.bianmin.privacy.PersonalData;
import org.bianmin.support.HallDutyTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Proxy service (代办): delivery within 24 hours or an event and an escalation; the case records who carried it. */
class ProxyPostgresTest extends HallDutyTestSupport {

    @Autowired CaseRegistrationService registration;
    @Autowired CaseAdjustments adjustments;

    private final List<String> caseNumbers = new ArrayList<>();

    @Override
    protected Instant startClock() {
        return at("2026-09-16T10:00"); // a Wednesday
    }

    @AfterEach
    void deleteCasesProcessesAndProxies() {
        caseNumbers.forEach(n -> {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).list().forEach(i ->
                    endInstance(i.getId()));
            jdbc.update("delete from case_proxy where case_number = ?", n);
        });
    }

    @Test
    void badInputIsRefusedAndALateDeliveryIsAnEventAndEscalated() {
        String caseNumber = register(true);
        String returned = register(false);
        int before = count("select count(*) from case_proxy");
        assertError(post(path(caseNumber), proxy("nobody", "dept-market"), "clerk"), 400, "INVALID_FIELD");
        assertError(post(path(caseNumber), proxy("supervisor", "dept-market"), "clerk"), 400, "INVALID_FIELD"); // not a clerk
        assertError(post(path(caseNumber), proxy("clerk2", "dept-nowhere"), "clerk"), 400, "INVALID_FIELD");
        assertError(post(path(caseNumber), proxy("clerk2", "window-market"), "clerk"), 400, "INVALID_FIELD");
        assertError(post(path(caseNumber), proxy("clerk2", null), "clerk"), 400, "INVALID_FIELD");
        assertError(post(path(returned), proxy("clerk2", "dept-market"), "clerk"), 409, "CASE_NOT_IN_PROGRESS");
        assertError(post(path("BM00000000-0000"), proxy("clerk2", "dept-market"), "clerk"), 404, "UNKNOWN_CASE");
        assertError(post(path(caseNumber), proxy("clerk2", "dept-market"), "director"), 403, "FORBIDDEN");
        assertThat(count("select count(*) from case_proxy")).isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProxyService.PROCESS)
                .processInstanceBusinessKey(caseNumber).count()).isZero();

        JsonNode entrusted = created(post(path(caseNumber), proxy("clerk2", "dept-market"), "clerk"));
        assertThat(entrusted.path("proxy").asText()).isEqualTo("clerk2");
        assertThat(entrusted.path("proxyName").asText()).isEqualTo("李强");
        assertThat(entrusted.path("deliverToName").asText()).isEqualTo("市场监督管理所");
        assertThat(entrusted.path("state").asText()).isEqualTo("OPEN");
        assertThat(entrusted.path("deliveryDue").asText()).startsWith("2026-09-17T10:00"); // 24 hours (limits.csv proxy.delivery)
        assertError(post(path(caseNumber), proxy("clerk", "dept-civil"), "clerk"), 409, "PROXY_OPEN");
        assertThat(count("select count(*) from case_proxy")).isEqualTo(before + 1);

        ProcessInstance delivery = instance(ProxyService.PROCESS, caseNumber);
        assertThat(delivery).isWaitingAt("confirmDelivery");
        Task task = openTask(delivery, "confirmDelivery");
        assertThat(task.getAssignee()).isEqualTo("clerk2");
        assertThat((String) runtime.getVariable(delivery.getId(), "summary")).contains(caseNumber, "李强", "市场监督管理所")
                .doesNotContain("13800138000");
        assertThat(timer(delivery, "deliveryDue").getDuedate().toInstant()).isEqualTo(at("2026-09-17T10:00"));
        // the delivery task shows as an open task of the case; the case JSON keeps its fields
        JsonNode details = getJson("/api/cases/" + caseNumber, "clerk");
        assertThat(details.path("openTasks").toString()).contains("confirmDelivery");
        assertThat(details.path("state").asText()).isEqualTo("IN_PROGRESS");

        fire(timer(delivery, "deliveryDue"));
        assertThat(events("PROXY_DELIVERY_OVERDUE")).singleElement().satisfies(e -> assertThat(e).startsWith("clerk2|window-general|"));
        assertThat(tasks.createTaskQuery().processInstanceId(delivery.getId()).taskDefinitionKey("superviseProxyDelivery")
                .taskCandidateGroup("supervisors").count()).isEqualTo(1);
        assertThat(getJson(path(caseNumber), "supervisor").path("late").asBoolean()).isTrue();

        assertError(post(path(caseNumber) + "/delivered", Map.of("note", "已送达"), "clerk"), 403, "FORBIDDEN"); // not the proxy
        JsonNode delivered = read(post(path(caseNumber) + "/delivered", Map.of("note", "市场监管所张科长签收"), "clerk2"));
        assertThat(delivered.path("state").asText()).as(delivered.toString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("deliveredBy").asText()).isEqualTo("clerk2");
        assertThat(delivered.path("late").asBoolean()).isTrue();
        assertThat(delivered.path("overdue").asBoolean()).isTrue();
        assertThat(delivered.path("deliveredNote").asText()).contains("签收");
        assertError(post(path(caseNumber) + "/delivered", Map.of(), "clerk2"), 409, "NO_OPEN_PROXY");
        assertThat(delivery).hasPassed("recordDelivery").isWaitingAt("superviseProxyDelivery");
        completeAs("supervisor", openTask(delivery, "superviseProxyDelivery"), Map.of("escalationNote", "已督促"));
        assertThat(delivery).isEnded();

        JsonNode shown = getJson(path(caseNumber), "director");
        assertThat(shown.path("proxy").asText()).isEqualTo("clerk2");
        assertThat(shown.path("deliveredAt").asText()).startsWith("2026-09-17T10:00");
    }

    @Test
    void anOnTimeDeliveryIsNotLateAndAnEndedCaseLeavesNoProxyTimer() {
        String onTime = register(true);
        created(post(path(onTime), proxy("clerk", "dept-civil"), "supervisor"));
        ProcessInstance delivery = instance(ProxyService.PROCESS, onTime);
        clock(at("2026-09-16T15:00"));
        JsonNode delivered = read(post(path(onTime) + "/delivered", null, "supervisor"));
        assertThat(delivered.path("state").asText()).as(delivered.toString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("deliveredBy").asText()).isEqualTo("supervisor");
        assertThat(delivered.path("late").asBoolean()).isFalse();
        assertThat(delivery).isEnded();
        assertThat(events("PROXY_DELIVERY_OVERDUE")).isEmpty();
        // delivered: the case may be entrusted again
        created(post(path(onTime), proxy("clerk2", "dept-market"), "clerk"));
        assertThat(getJson(path(onTime), "clerk").path("proxy").asText()).isEqualTo("clerk2");

        String withdrawn = register(true);
        created(post(path(withdrawn), proxy("clerk2", "dept-market"), "clerk"));
        ProcessInstance open = instance(ProxyService.PROCESS, withdrawn);
        adjustments.withdraw(withdrawn, "申请人撤回申请", "clerk");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(open.getId()).count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(open.getId()).count()).isZero();
        JsonNode closed = getJson(path(withdrawn), "clerk");
        assertThat(closed.path("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("closedNote").asText()).contains("CASE_WITHDRAWN");
        assertError(post(path(withdrawn) + "/delivered", null, "clerk2"), 409, "NO_OPEN_PROXY");
        assertError(get(path(register(true)), "clerk", password("clerk")), 404, "NO_PROXY");
    }

    private static String path(String caseNumber) {
        return "/api/cases/" + caseNumber + "/proxy";
    }

    private static Map<String, Object> proxy(String proxy, String deliverTo) {
        Map<String, Object> body = new HashMap<>();
        body.put("proxy", proxy);
        body.put("deliverTo", deliverTo);
        body.put("note", "申请材料一套, 原件已核");
        return body;
    }

    /** Registers a case: lawful → in progress; not lawful → returned (ended at once). */
    private String register(boolean lawful) {
        String first17 = "11010519900307123";
        String caseNumber = registration.register(new RegistrationRequest("SJ-001",
                new RegistrationRequest.ApplicantInput("赵小满", first17 + PersonalData.checkCharacter(first17), "13800138000", null),
                List.of("APPLICATION_FORM", "ID_CARD", "PREMISES_PROOF"), lawful, false, false, false, null, null, null), "clerk")
                .caseNumber();
        caseNumbers.add(caseNumber);
        return caseNumber;
    }
}
