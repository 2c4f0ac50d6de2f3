package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * 督办单 through its life on an overdue SJ-002 case (deadline Tue 2026-10-20 17:30), with the engine
 * clock moved: the supervisor's 督办 task issues it to the clerk holding the case, the board shows
 * 待回复, the reply limit passes (二次督办 for the directors), the clerk replies late, the board
 * shows 已回复; a second order issued from the board's API falls back to the rule's limit and closes
 * when the case is withdrawn.
 */
class SupervisionOrderPostgresTest extends CaseProcessTestSupport {

    @Test
    void anOrderIsIssuedRepliedLateEscalatedAndShownOnTheBoardAndInTheCaseFile() {
        String caseNumber = register("SJ-002", SJ_002);
        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
        ProcessInstance work = instance(caseNumber, "committed-case");

        // not at risk yet: refused, nothing stored; a clerk may not issue one at all
        assertError(post("/api/cases/" + caseNumber + "/supervision-orders", "{\"instruction\":\"请加快办理\"}", "supervisor"),
                409, "NOT_AT_RISK");
        assertThat(post("/api/cases/" + caseNumber + "/supervision-orders", "{\"instruction\":\"请加快办理\"}", CLERK).statusCode())
                .isEqualTo(403);

        fire(timer(root, "warningTime"), at("2026-10-16T16:20"));
        fire(timer(root, "deadlineTime"), at("2026-10-20T17:31"));
        Task supervise = openTask(root, "superviseOverdue");
        assertThat(tasks.getVariableLocal(supervise.getId(), "orderTo")).as("nobody holds the work: the window's A post")
                .isEqualTo("market-a");
        assertThat(tasks.getVariableLocal(supervise.getId(), "replyDays")).as("the rule's reply limit").isEqualTo(3L);

        // the clerk takes the work; the supervisor orders him by the 督办 task, two working days to reply
        tasks.claim(openTask(work, "handOver").getId(), CLERK);
        tasks.claim(supervise.getId(), "supervisor");
        completeAs("supervisor", supervise, Map.of("handlingNote", "请于10月21日前移交市场监管所并报告", "orderTo", CLERK, "replyDays", 2L));
        BpmnAwareTests.assertThat(root).isWaitingAt("caseWork", "supervisionOrder");
        ProcessInstance order = instance(caseNumber, "supervision-order");
        Task reply = openTask(order, "replyToOrder");
        assertThat(reply.getAssignee()).isEqualTo(CLERK);
        assertThat(reply.getDueDate().toInstant()).as("two working days from Tue evening").isEqualTo(at("2026-10-22T17:30"));
        assertThat((String) tasks.getVariable(reply.getId(), "caseSummary")).contains("督办单", "请于10月21日前移交", "督办人**: 周平");
        assertThat(events(caseNumber, "SUPERVISION_ORDERED")).singleElement().asString()
                .isEqualTo("请于10月21日前移交市场监管所并报告; 责任人: 王芳; 回复时限: 10月22日 17:30前");
        JsonNode row = atRisk(caseNumber);
        assertThat(row.path("supervision").asText()).isEqualTo("OPEN");
        assertThat(row.path("supervisionLabel").asText()).isEqualTo("待回复");
        assertThat(row.path("assigneeNames").toString()).contains("王芳");
        long id = row.path("orderId").asLong();

        // only the responsible person replies
        assertThat(post("/api/supervision-orders/" + id + "/reply", "{\"text\":\"已办\"}", "civil-a").statusCode()).isEqualTo(403);
        assertError(post("/api/supervision-orders/" + id + "/reply", "{\"text\":\"  \"}", CLERK), 400, null);

        // the limit passes: the directors are told (二次督办); the reply task stays with the clerk
        fire(timer(order, "replyOverdue"), at("2026-10-22T17:31"));
        assertThat(tasks.createTaskQuery().processInstanceId(order.getId()).taskDefinitionKey("secondSupervision")
                .taskCandidateGroup("directors").count()).isEqualTo(1);
        assertThat(events(caseNumber, "SUPERVISION_ESCALATED")).singleElement().asString().contains("王芳未在10月22日 17:30前回复");
        assertThat(atRisk(caseNumber).path("supervision").asText()).isEqualTo("ESCALATED");

        clock(at("2026-10-23T09:00"));
        HttpResponse<String> replied = post("/api/supervision-orders/" + id + "/reply", "{\"text\":\"已于10月23日移交, 市场监管所承诺当日审核\"}", CLERK);
        assertThat(replied.statusCode()).as(replied.body()).isEqualTo(200);
        assertThat(read(replied).path("state").asText()).isEqualTo("REPLIED");
        assertThat(read(replied).path("repliedLate").asBoolean()).isTrue();
        assertError(post("/api/supervision-orders/" + id + "/reply", "{\"text\":\"再答\"}", CLERK), 409, "ORDER_CLOSED");
        assertThat(atRisk(caseNumber).path("supervisionLabel").asText()).isEqualTo("已回复(逾期回复)");
        Task second = tasks.createTaskQuery().processInstanceId(order.getId()).taskDefinitionKey("secondSupervision").singleResult();
        tasks.claim(second.getId(), "director");
        completeAs("director", second, Map.of("handlingNote", "责成窗口说明逾期原因"));
        BpmnAwareTests.assertThat(order).isEnded();
        BpmnAwareTests.assertThat(root).isWaitingAtExactly("caseWork");

        // the case file: the order with both texts, and every step in the timeline
        JsonNode file = details(caseNumber);
        JsonNode shown = file.path("supervisionOrders").get(0);
        assertThat(shown.path("instruction").asText()).isEqualTo("请于10月21日前移交市场监管所并报告");
        assertThat(shown.path("replyText").asText()).isEqualTo("已于10月23日移交, 市场监管所承诺当日审核");
        assertThat(shown.path("toName").asText()).isEqualTo("王芳");
        assertThat(shown.path("secondNote").asText()).isEqualTo("责成窗口说明逾期原因");
        assertThat(file.path("timeline").findValuesAsText("label"))
                .contains("下达督办单", "督办单回复", "督办单逾期未回复, 报中心领导", "二次督办");

        // a second order from the board: the default person (the clerk holds the work) and the rule's three days
        HttpResponse<String> issued = post("/api/cases/" + caseNumber + "/supervision-orders", "{\"instruction\":\"本周内办结\"}", "director");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode again = read(issued);
        assertThat(again.path("to").asText()).isEqualTo(CLERK);
        assertThat(again.path("state").asText()).isEqualTo("OPEN");
        assertThat(java.time.OffsetDateTime.parse(again.path("replyDue").asText()).toInstant()).isEqualTo(at("2026-10-28T17:30"));
        JsonNode register = read(get("/api/supervision-orders?state=OPEN&window=window-market&month=2026-10", "supervisor", DEMO_PASSWORD));
        assertThat(java.util.stream.StreamSupport.stream(register.spliterator(), false)
                .filter(o -> o.path("caseNumber").asText().equals(caseNumber)).map(o -> o.path("instruction").asText()))
                .as("this case's open orders (other classes share the register): the first one is answered").containsExactly("本周内办结");
        HttpResponse<String> export = get("/api/supervision-orders/export.xlsx?month=2026-10", "supervisor", DEMO_PASSWORD,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(export.statusCode()).isEqualTo(200);

        // the case ends: its unanswered order closes with it
        HttpResponse<String> withdrawn = post("/api/cases/" + caseNumber + "/withdrawal", "{\"reason\":\"申请人撤回\"}", CLERK);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isLessThan(300);
        assertError(post("/api/supervision-orders/" + again.path("id").asLong() + "/reply", "{\"text\":\"已办\"}", CLERK), 409,
                "ORDER_CLOSED");
        assertThat(read(get("/api/supervision-orders?state=CLOSED", "supervisor", DEMO_PASSWORD)).findValuesAsText("id"))
                .contains(again.path("id").asText());
    }

    private JsonNode atRisk(String caseNumber) {
        JsonNode board = read(get("/api/supervision/sla-board", "supervisor", DEMO_PASSWORD));
        for (JsonNode row : board.path("atRisk")) {
            if (row.path("caseNumber").asText().equals(caseNumber)) {
                return row;
            }
        }
        throw new AssertionError(caseNumber + " not on the board: " + board);
    }
}
