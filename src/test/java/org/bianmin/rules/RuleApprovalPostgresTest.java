package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A director's approval between every draft and the centre (process {@code rule-approval}): the
 * administrator submits with a comment, 文件依据 and an optional effective time; the director reads
 * the changes cell by cell and the dry run in the task, and approves or rejects; nobody approves
 * his own version; an approved version with a later effective time waits for its timer.
 */
class RuleApprovalPostgresTest extends RuleTestSupport {

    private static final String SJ_002_LINE = "SJ-002,食品经营许可(小餐饮),dept-market,window-market,COMMITTED,10,20,";
    private static final String SJ_002_FIVE = "SJ-002,食品经营许可(小餐饮),dept-market,window-market,COMMITTED,5,20,";

    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;

    @Test
    void aSubmittedDraftWaitsForTheDirectorWhoReadsTheChangesAndTheDryRunThenApprovesIt() {
        RuleSetVersion before = publishedBefore("catalogue");
        saveDraft("catalogue", edited("catalogue", "items.csv", SJ_002_LINE, SJ_002_FIVE), RULEADMIN);
        JsonNode submitted = submit("catalogue", Map.of("comment", "SJ-002 承诺时限缩短为5个工作日",
                "basisDocument", "某区政务服务办〔2026〕12号", "confirmLargeChange", true));
        int v = submitted.path("version").asInt();
        assertThat(submitted.path("stateLabel").asText()).isEqualTo("待审批");
        assertThat(submitted.path("basisDocument").asText()).isEqualTo("某区政务服务办〔2026〕12号");
        assertThat(submitted.path("submittedBy").asText()).isEqualTo(RULEADMIN);
        // not in force, and nothing else may be submitted meanwhile
        assertThat(installed("catalogue")).isEqualTo(before.label());
        assertThat(caseDetails(registerSj002().path("caseNumber").asText()).path("ruleVersions").path("catalogue").asText())
                .isEqualTo(before.label());
        JsonNode view = ok(send("GET", "/api/rules/catalogue", null, SUPERVISOR));
        assertThat(view.path("pending").path("version").asInt()).isEqualTo(v);
        assertThat(view.path("draft").isNull()).isTrue();
        saveDraft("catalogue", publishedFiles("catalogue"), RULEADMIN);
        HttpResponse<String> second = send("POST", "/api/rules/catalogue/publish", Map.of("comment", "再提交"), RULEADMIN);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(read(second).path("message").asText()).contains("等待负责人审批");

        // the directors' task in Tasklist says what is approved: the cell, the basis, the dry run
        Task task = approvalTask("catalogue@v" + v);
        assertThat(task.getName()).isEqualTo("审批规则发布: 事项目录 第" + v + "版");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("directors"));
        String summary = (String) tasks.getVariable(task.getId(), "approvalSummary");
        assertThat(summary).contains("事项目录·事项清单 第", "「SJ-002」承诺时限: 10 → 5", "某区政务服务办〔2026〕12号",
                "批准后立即生效", "试运行", "件结果不同", "继续按受理时的规则版本办理");
        // the cell-level changes are the page's too
        JsonNode changes = ok(send("GET", "/api/rules/catalogue/changes?from=" + before.version() + "&to=" + v, null, SUPERVISOR));
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).path("column").asText()).isEqualTo("承诺时限");
        assertThat(changes.get(0).path("before").asText()).isEqualTo("10");
        assertThat(changes.get(0).path("after").asText()).isEqualTo("5");

        // a rejection needs a reason; an approval by the director puts it in force at once
        HttpResponse<String> noReason = send("POST", "/api/rules/catalogue/versions/" + v + "/approval", Map.of("approve", false), DIRECTOR);
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
        JsonNode approved = approve("catalogue", v, DIRECTOR);
        assertThat(approved.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(approved.path("decidedBy").asText()).isEqualTo(DIRECTOR);
        assertThat(installed("catalogue")).isEqualTo("catalogue@v" + v);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("catalogue@v" + v).finished().count()).isOne();
        HttpResponse<String> twice = send("POST", "/api/rules/catalogue/versions/" + v + "/approval", Map.of("approve", true), DIRECTOR);
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
    }

    @Test
    void aDraftThatChangesMostRecentCasesIsSubmittedOnlyOnceConfirmed() {
        // the 20 most recent cases are SJ-002 cases (registered a day after everything else in this database)
        ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(24 * 3600)));
        for (int i = 0; i < RuleSetService.PUBLISH_DRY_RUN_CASES; i++) {
            registerSj002();
        }
        saveDraft("catalogue", edited("catalogue", "items.csv", SJ_002_LINE, SJ_002_FIVE), RULEADMIN);
        HttpResponse<String> unconfirmed = send("POST", "/api/rules/catalogue/publish", Map.of("comment", "SJ-002 五个工作日"), RULEADMIN);
        assertThat(unconfirmed.statusCode()).as(unconfirmed.body()).isEqualTo(409);
        assertThat(read(unconfirmed).path("error").asText()).isEqualTo("LARGE_CHANGE_UNCONFIRMED");
        java.util.regex.Matcher share = java.util.regex.Pattern.compile("最近 20 件案件中 (\\d+) 件的结果, 超过 50%")
                .matcher(read(unconfirmed).path("message").asText());
        assertThat(share.find()).as(unconfirmed.body()).isTrue();
        assertThat(Integer.parseInt(share.group(1))).isGreaterThan(10);
        assertThat(repository.inState("catalogue", RuleSetVersion.State.PENDING_APPROVAL)).isEmpty();
        assertThat(submit("catalogue", Map.of("comment", "SJ-002 五个工作日", "confirmLargeChange", true)).path("state").asText())
                .isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void nobodyApprovesHisOwnVersionNeitherThroughTheApiNorInTasklistAndARejectionChangesNothing() {
        RuleSetVersion before = publishedBefore("catalogue");
        // the administrator account passes every role check, so it may draft, submit and approve — but not its own
        saveDraft("catalogue", edited("catalogue", "items.csv", SJ_002_LINE, SJ_002_FIVE), "admin");
        int v = accepted(send("POST", "/api/rules/catalogue/publish", Map.of("comment", "自己提交", "confirmLargeChange", true), "admin")).path("version").asInt();
        HttpResponse<String> own = send("POST", "/api/rules/catalogue/versions/" + v + "/approval", Map.of("approve", true, "comment", "自批"),
                "admin");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
        assertThat(read(own).path("message").asText()).contains("不能审批本人");
        Task task = approvalTask("catalogue@v" + v);
        HttpResponse<String> inTasklist = send("POST", "/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\":{\"approved\":{\"value\":\"true\"},\"opinion\":{\"value\":\"自批\"}}}", "admin");
        assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(403);
        assertThat(inTasklist.body()).contains("不能审批或决定本人的规则版本");
        assertThat(installed("catalogue")).isEqualTo(before.label());

        // the director rejects it in Tasklist's form: nothing changes, the history says who and why
        HttpResponse<String> rejected = send("POST", "/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\":{\"approved\":{\"value\":\"false\"},\"opinion\":{\"value\":\"依据不足, 请补充文件依据\"}}}", DIRECTOR);
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);
        JsonNode version = ok(send("GET", "/api/rules/catalogue/versions/" + v, null, RULEADMIN));
        assertThat(version.path("state").asText()).isEqualTo("REJECTED");
        assertThat(version.path("stateLabel").asText()).isEqualTo("已驳回");
        assertThat(version.path("decidedBy").asText()).isEqualTo(DIRECTOR);
        assertThat(version.path("decisionComment").asText()).isEqualTo("依据不足, 请补充文件依据");
        assertThat(installed("catalogue")).isEqualTo(before.label());
        assertThat(auditOf(v)).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("REJECT");
            assertThat(e.path("actor").asText()).isEqualTo(DIRECTOR);
        });
    }

    @Test
    void anApprovedVersionWithALaterEffectiveTimeTakesEffectWhenItsTimerFires() {
        RuleSetVersion before = publishedBefore("catalogue");
        Instant effective = TODAY.plusSeconds(24 * 3600);
        saveDraft("catalogue", edited("catalogue", "items.csv", SJ_002_LINE, SJ_002_FIVE), RULEADMIN);
        Map<String, Object> request = new LinkedHashMap<>(Map.of("comment", "明日起 SJ-002 五个工作日"));
        request.put("effectiveFrom", "2026-11-24T10:00:00+08:00");
        request.put("confirmLargeChange", true);
        int v = submit("catalogue", request).path("version").asInt();
        assertThat(approvalSummary(v)).contains("2026年11月24日 10:00 (北京时间), 批准后到时生效");

        JsonNode approved = approve("catalogue", v, DIRECTOR);
        assertThat(approved.path("state").asText()).isEqualTo("SCHEDULED");
        assertThat(OffsetDateTime.parse(approved.path("effectiveFrom").asText()).toInstant()).isEqualTo(effective);
        assertThat(installed("catalogue")).isEqualTo(before.label());
        Job timer = management.createJobQuery().processDefinitionKey("rule-approval").timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(effective);
        // a case registered before the effective time keeps the old limit
        assertThat(caseDetails(registerSj002().path("caseNumber").asText()).path("ruleVersions").path("catalogue").asText())
                .isEqualTo(before.label());

        management.suspendJobById(timer.getId());
        ClockUtil.setCurrentTime(Date.from(effective));
        management.executeJob(timer.getId());
        assertThat(installed("catalogue")).isEqualTo("catalogue@v" + v);
        JsonNode version = ok(send("GET", "/api/rules/catalogue/versions/" + v, null, RULEADMIN));
        assertThat(version.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(version.path("publishedBy").asText()).isEqualTo(DIRECTOR);
        assertThat(OffsetDateTime.parse(version.path("publishedAt").asText()).toInstant()).isEqualTo(effective);
        assertThat(auditOf(v).stream().map(e -> e.path("action").asText() + ":" + e.path("actor").asText()))
                .containsSubsequence("TAKE_EFFECT:system", "APPROVE:director", "SUBMIT:ruleadmin");
    }

    @Test
    void aDirectorRollsBackAtOnceInAnEmergencyAndItIsRecordedAsOne() {
        RuleSetVersion before = publishedBefore("catalogue");
        saveDraft("catalogue", edited("catalogue", "items.csv", SJ_002_LINE, SJ_002_FIVE), RULEADMIN);
        int v = publish("catalogue", "SJ-002 五个工作日").path("version").asInt();
        assertThat(installed("catalogue")).isEqualTo("catalogue@v" + v);

        HttpResponse<String> future = send("POST", "/api/rules/catalogue/emergency-rollback", Map.of("version", before.version(),
                "comment", "x", "effectiveFrom", OffsetDateTime.ofInstant(TODAY.plusSeconds(3600), ZoneOffset.ofHours(8)).toString()), DIRECTOR);
        assertThat(future.statusCode()).as(future.body()).isEqualTo(400);
        JsonNode back = ok(send("POST", "/api/rules/catalogue/emergency-rollback", Map.of("version", before.version(),
                "comment", "新时限引发大量超期, 紧急恢复"), DIRECTOR));
        assertThat(back.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(back.path("author").asText()).isEqualTo(DIRECTOR);
        assertThat(installed("catalogue")).isEqualTo(back.path("label").asText());
        List<JsonNode> entries = auditOf(back.path("version").asInt());
        assertThat(entries).hasSize(1);
        JsonNode audit = entries.get(0);
        assertThat(audit.path("action").asText()).isEqualTo("EMERGENCY_ROLLBACK");
        assertThat(audit.path("actor").asText()).isEqualTo(DIRECTOR);
        assertThat(audit.path("comment").asText()).contains("紧急回滚到 v" + before.version(), "大量超期");
    }

    /** The catalogue's audit entries of one version, newest first. */
    private List<JsonNode> auditOf(int version) {
        List<JsonNode> entries = new java.util.ArrayList<>();
        ok(send("GET", "/api/rules/catalogue/audit", null, SUPERVISOR)).forEach(e -> {
            if (e.path("version").asInt() == version) {
                entries.add(e);
            }
        });
        return entries;
    }

    private Task approvalTask(String label) {
        Task task = tasks.createTaskQuery().processDefinitionKey("rule-approval").processInstanceBusinessKey(label).singleResult();
        assertThat(task).as("approval task of %s", label).isNotNull();
        return task;
    }

    private String approvalSummary(int version) {
        return (String) tasks.getVariable(approvalTask("catalogue@v" + version).getId(), "approvalSummary");
    }
}
