package org.bianmin.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bianmin.assessment.AssessmentDates;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 6 on real PostgreSQL, from case events to a published ranking: committed cases registered
 * over REST run past their deadline (the SLA watch's timers executed with the engine clock moved),
 * the CASE_OVERDUE events become accountability records escalating with repetition, supervisors
 * confirm or dismiss them through their review tasks, and the month's assessment counts the
 * overdue cases and the confirmed records, each line naming its rule. Then the monthly routines:
 * {@code monthly-assessment} (review by the 5th, escalation to the directors, corrections typed in
 * the form) and {@code denial-report} (by the 10th, with its CSV export).
 * Months: June 2026 for the case flow, July 2026 for the monthly routines (no other test uses them).
 */
class AccountabilityPostgresTest extends AccountabilityTestSupport {

    static final String JUNE = "2026-06";
    static final String JULY = "2026-07";
    /** Monday 2026-06-01 09:00. */
    static final Instant JUNE_FIRST = at("2026-06-01T09:00");

    @Autowired AssessmentDates dates;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    // ---------------------------------------------------------------- case events → records → published ranking

    @Test
    void overdueCasesBecomeReviewedAccountabilityRecordsAndAPublishedRanking() throws java.io.IOException {
        clock(JUNE_FIRST);
        String a = registerCase("clerk2", true).path("caseNumber").asText();
        String b = registerCase("clerk2", true).path("caseNumber").asText();
        String c = registerCase("clerk2", true).path("caseNumber").asText();
        String d = registerCase("clerk2", true).path("caseNumber").asText();
        String e = registerCase("clerk", true).path("caseNumber").asText();
        String f = registerCase("clerk", true).path("caseNumber").asText();

        // d gets an approved extension before its deadline
        postJson("/api/cases/" + d + "/extensions", object().put("days", 3).put("reason", "需等待消防部门出具意见").toString(),
                "clerk2", 201);
        completeAs("director", openTask(instance(d, "case-extension"), "approveExtension"),
                Map.of("approved", "true", "opinion", "同意延长3个工作日"));

        // ---- the first overdue case of the month: 书面检查, and a review task for the supervisors
        runOverdue(a);
        assertThat(eventDetails(a)).containsExactly("extension=NONE;delayNotice=false");
        JsonNode recordA = single(getJson("/api/accountability?caseNumber=" + a, "supervisor"));
        assertThat(recordA.path("triggerType").asText()).isEqualTo("CASE_OVERDUE");
        assertThat(recordA.path("eventSource").asText()).isEqualTo("CASE");
        assertThat(recordA.path("eventId").asLong()).isEqualTo(eventId(a));
        assertThat(recordA.path("staff").asText()).as("the registering clerk answers for the case").isEqualTo("clerk2");
        assertThat(recordA.path("measure").asText()).isEqualTo("书面检查");
        assertThat(recordA.path("occurrence").asInt()).isEqualTo(1);
        assertThat(recordA.path("state").asText()).isEqualTo("PROPOSED");
        assertThat(recordA.path("ruleName").asText()).isEqualTo("超期");
        assertThat(recordA.path("ruleVersion").asText()).isNotBlank();
        long idA = recordA.path("id").asLong();
        Task reviewA = reviewTask(idA);
        assertThat(reviewA.getTaskDefinitionKey()).isEqualTo("reviewRecord");
        assertThat(reviewA.getName()).contains("审核问责记录");
        assertThat(candidateGroups(reviewA)).containsExactly("supervisors");
        assertThat(reviewA.getDueDate()).isNotNull();
        assertThat(tasks.createTaskQuery().taskId(reviewA.getId()).taskCandidateUser("supervisor").count()).isEqualTo(1);
        assertThat((String) runtime.getVariable(reviewA.getProcessInstanceId(), "caseSummary"))
                .contains(a, "书面检查", "李强 (综合受理窗口)", "超期办件");

        // ---- repeat escalation within the month
        runOverdue(b);
        JsonNode recordB = single(getJson("/api/accountability?caseNumber=" + b, "supervisor"));
        assertThat(recordB.path("measure").asText()).isEqualTo("通报批评");
        assertThat(recordB.path("occurrence").asInt()).isEqualTo(2);
        assertThat(recordB.path("ruleName").asText()).isEqualTo("超期第二次");
        runOverdue(c);
        JsonNode recordC = single(getJson("/api/accountability?caseNumber=" + c, "supervisor"));
        assertThat(recordC.path("measure").asText()).isEqualTo("诫勉谈话;取消当月评优资格");
        assertThat(recordC.path("occurrence").asInt()).isEqualTo(3);
        assertThat(recordC.path("ruleName").asText()).isEqualTo("超期第三次");
        assertThat(reviewTask(recordC.path("id").asLong())).isNotNull();

        // ---- an overdue case with an approved extension: no record
        runOverdue(d);
        assertThat(eventDetails(d)).containsExactly("extension=APPROVED;delayNotice=false");
        assertThat(getJson("/api/accountability?caseNumber=" + d, "supervisor")).isEmpty();

        // ---- the month's records of a person
        JsonNode june = getJson("/api/accountability?staff=clerk2&month=" + JUNE, "supervisor");
        assertThat(june.findValuesAsText("caseNumber")).containsExactly(a, b, c);
        assertThat(june.findValuesAsText("measure")).containsExactly("书面检查", "通报批评", "诫勉谈话;取消当月评优资格");
        assertThat(getJson("/api/accountability?staff=clerk2&month=2026-05", "supervisor")).isEmpty();
        assertThat(getJson("/api/accountability?staff=clerk2&month=" + JUNE + "&state=PROPOSED", "director")).hasSize(3);
        assertError(get("/api/accountability?month=June", "supervisor", DEMO_PASSWORD), 400, "INVALID_FIELD");
        assertError(get("/api/accountability?state=OPEN", "supervisor", DEMO_PASSWORD), 400, "INVALID_FIELD");

        // ---- dismissing B (the clock stands after its statement limit, unused) renumbers C (第三次 → 第二次, 诫勉谈话 → 通报批评)
        long idB = recordB.path("id").asLong();
        assertError(post("/api/accountability/" + idB + "/statement", object().put("text", "补充").toString(), "clerk2"), 409,
                "STATEMENT_CLOSED");
        postJson("/api/accountability/" + idB + "/decision", object().put("confirm", false).put("reason", "经核实系统故障, 非本人原因")
                .toString(), "supervisor", 200);
        JsonNode renumbered = getJson("/api/accountability/" + recordC.path("id").asLong(), "supervisor");
        assertThat(renumbered.path("occurrence").asInt()).isEqualTo(2);
        assertThat(renumbered.path("measure").asText()).isEqualTo("通报批评");
        assertThat(renumbered.path("ruleName").asText()).isEqualTo("超期第二次");
        assertThat((String) runtime.getVariable(reviewTask(recordC.path("id").asLong()).getProcessInstanceId(), "caseSummary"))
                .contains("本月第2次", "通报批评").doesNotContain("诫勉谈话");

        // ---- dismissing needs a reason; a dismissed record does not count towards repetition
        runOverdue(e);
        JsonNode recordE = single(getJson("/api/accountability?caseNumber=" + e, "supervisor"));
        assertThat(recordE.path("staff").asText()).isEqualTo("clerk");
        assertThat(recordE.path("occurrence").asInt()).isEqualTo(1);
        long idE = recordE.path("id").asLong();
        String decisionE = "/api/accountability/" + idE + "/decision";
        assertError(post(decisionE, object().put("confirm", false).toString(), "supervisor"), 400, "INVALID_FIELD");
        assertError(post(decisionE, object().put("confirm", false).put("reason", " ").toString(), "supervisor"), 400, "INVALID_FIELD");
        assertError(post(decisionE, object().put("reason", "无").toString(), "supervisor"), 400, "INVALID_FIELD");
        assertError(post(decisionE, object().put("confirm", false).put("reason", "本人所为").toString(), "clerk"), 403, null);
        assertError(post("/api/accountability/999999999/decision", object().put("confirm", true).put("reason", "x").toString(),
                "supervisor"), 404, "UNKNOWN_RECORD");
        assertThat(reviewTask(idE)).as("refused decisions leave the task open").isNotNull();
        assertThat(getJson("/api/accountability/" + idE, "supervisor").path("state").asText()).isEqualTo("PROPOSED");
        // 陈述申辩: the person it names is heard first, in Tasklist or here
        assertError(post(decisionE, object().put("confirm", false).put("reason", "系统故障").toString(), "supervisor"), 409,
                "STATEMENT_PENDING");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey("ACC-" + idE).taskDefinitionKey("submitStatement")
                .taskAssignee("clerk").count()).as("the person it names is asked in Tasklist").isEqualTo(1);
        assertError(post("/api/accountability/" + idE + "/statement", object().put("text", "不是我").toString(), "clerk2"), 403, null);
        assertError(post("/api/accountability/" + idE + "/statement", object().put("text", " ").toString(), "clerk"), 400, "INVALID_FIELD");
        JsonNode stated = postJson("/api/accountability/" + idE + "/statement",
                object().put("text", "当日受理系统故障, 无法流转, 有运维记录").toString(), "clerk", 200);
        assertThat(stated.path("statement").asText()).isEqualTo("当日受理系统故障, 无法流转, 有运维记录");
        assertError(post("/api/accountability/" + idE + "/statement", object().put("text", "补充").toString(), "clerk"), 409,
                "STATEMENT_GIVEN");
        assertThat((String) runtime.getVariable(reviewTask(idE).getProcessInstanceId(), "caseSummary"))
                .contains("陈述申辩**: 当日受理系统故障", "收件时间", "办结时限", "超期", "未延期", "滞办告知**: 未出具");
        JsonNode dismissed = postJson(decisionE, object().put("confirm", false).put("reason", "系统故障导致超期, 非本人原因").toString(),
                "supervisor", 200);
        assertThat(dismissed.path("state").asText()).isEqualTo("DISMISSED");
        assertThat(dismissed.path("reviewer").asText()).isEqualTo("supervisor");
        assertThat(dismissed.path("reviewReason").asText()).isEqualTo("系统故障导致超期, 非本人原因");
        assertThat(dismissed.path("decidedAt").asText()).isNotBlank();
        assertThat(openReviewTasks(idE)).as("the decision completed the review task").isZero();
        assertThat(history(idE)).as("review process ended").isEqualTo(1);
        runOverdue(f);
        JsonNode recordF = single(getJson("/api/accountability?caseNumber=" + f, "supervisor"));
        assertThat(recordF.path("occurrence").asInt()).as("the dismissed record does not count").isEqualTo(1);
        assertThat(recordF.path("measure").asText()).isEqualTo("书面检查");

        // ---- confirming: over REST (completes the Tasklist task) and in the task itself, each after the statement
        postJson("/api/accountability/" + idA + "/statement", object().put("text", "无异议").toString(), "clerk2", 200);
        JsonNode confirmed = postJson("/api/accountability/" + idA + "/decision",
                object().put("confirm", true).put("reason", "核实超期3个工作日, 未申请延期").toString(), "supervisor", 200);
        assertThat(confirmed.path("state").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("reviewer").asText()).isEqualTo("supervisor");
        assertThat(confirmed.path("reviewReason").asText()).isEqualTo("核实超期3个工作日, 未申请延期");
        assertThat(openReviewTasks(idA)).isZero();
        assertError(post("/api/accountability/" + idA + "/decision", object().put("confirm", false).put("reason", "改判").toString(),
                "supervisor"), 409, "ALREADY_DECIDED");
        long idC = recordC.path("id").asLong();
        // the statement in Tasklist: the task assigned to the person it names
        completeAs("clerk2", tasks.createTaskQuery().processInstanceBusinessKey("ACC-" + idC).taskDefinitionKey("submitStatement")
                .singleResult(), Map.of("statementText", "确因个人原因超期"));
        assertThat(getJson("/api/accountability/" + idC, "supervisor").path("statement").asText()).isEqualTo("确因个人原因超期");
        completeAs("supervisor", reviewTask(idC), Map.of("confirmed", "true", "reason", "本月第二次超期, 属实"));
        JsonNode confirmedC = getJson("/api/accountability/" + idC, "supervisor");
        assertThat(confirmedC.path("state").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmedC.path("reviewer").asText()).isEqualTo("supervisor");

        // ---- the register as a workbook: names and labels, not ids and codes
        HttpResponse<byte[]> register = download("/api/accountability/export.xlsx?month=" + JUNE, "supervisor");
        assertThat(register.statusCode()).isEqualTo(200);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(register.body()))) {
            var sheet = workbook.getSheet("问责记录登记簿");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2026年6月 问责记录登记簿");
            StringBuilder text = new StringBuilder();
            sheet.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
            assertThat(text.toString()).contains("超期办件", "李强", "综合受理窗口", "已撤销", "经核实系统故障, 非本人原因")
                    .doesNotContain("clerk2", "CASE_OVERDUE", "DISMISSED");
        }
        assertThat(download("/api/accountability/export.xlsx", "clerk2").statusCode()).isEqualTo(403);

        // ---- a clerk sees only their own records
        JsonNode own = getJson("/api/accountability?month=" + JUNE, "clerk2");
        assertThat(own.findValuesAsText("staff")).isNotEmpty().allMatch("clerk2"::equals);
        assertThat(own.findValuesAsText("caseNumber")).containsExactly(a, b, c);
        assertThat(getJson("/api/accountability?staff=clerk2&caseNumber=" + a, "clerk2")).hasSize(1);
        assertThat(getJson("/api/accountability?caseNumber=" + a, "clerk")).as("another clerk's case").isEmpty();
        assertError(get("/api/accountability?staff=clerk", "clerk2", DEMO_PASSWORD), 403, null);
        assertError(get("/api/accountability/" + idE, "clerk2", DEMO_PASSWORD), 403, null);
        assertThat(getJson("/api/accountability/" + idA, "clerk2").path("state").asText()).isEqualTo("CONFIRMED");

        // ---- the month's assessment: overdue cases and confirmed records, each line with its rule
        clock(at("2026-07-01T09:00"));
        JsonNode sheet = postJson("/api/assessments/" + JUNE + "/run", "", "supervisor", 200);
        String version = sheet.path("ruleVersion").asText();
        JsonNode clerk2 = staffEntry(sheet, "clerk2");
        List<String> clerk2Lines = lines(clerk2);
        assertThat(clerk2Lines).as("b's overdue, dismissed, is not held against anyone").containsExactlyInAnyOrder(
                "CASE|" + eventId(a) + "|-1|" + version + " / 超期办件",
                "CASE|" + eventId(c) + "|-1|" + version + " / 超期办件",
                "ACCOUNTABILITY|" + idA + "|-1|" + version + " / 问责书面检查",
                "ACCOUNTABILITY|" + idC + "|-2|" + version + " / 问责通报批评");
        assertThat(clerk2.path("score").decimalValue()).as("100 - 2 overdue - 1 书面检查 - 2 通报批评").isEqualByComparingTo("95");
        for (JsonNode line : clerk2.path("lines")) {
            if (line.path("source").asText().equals("CASE")) {
                assertThat(line.path("description").asText()).contains("超过承诺时限");
                assertThat(List.of(a, c)).anyMatch(n -> line.path("description").asText().contains(n));
            } else {
                assertThat(line.path("description").asText()).contains("经确认的问责");
            }
        }
        JsonNode clerk = staffEntry(sheet, "clerk");
        assertThat(lines(clerk)).as("the dismissed record's overdue and the proposed record do not count").containsExactlyInAnyOrder(
                "CASE|" + eventId(f) + "|-1|" + version + " / 超期办件");
        assertThat(clerk.path("score").decimalValue()).isEqualByComparingTo("99");

        JsonNode general = windowEntry(sheet, "window-general");
        assertThat(general.path("score").decimalValue()).isEqualByComparingTo("97");
        assertRankingFollowsTheTable(sheet);
        int windows = sheet.path("windows").size();
        for (JsonNode w : sheet.path("windows")) {
            if (!w.path("window").asText().equals("window-general")) {
                assertThat(w.path("score").decimalValue()).as("no other window lost points in June: %s", w).isGreaterThan(new BigDecimal("97"));
            }
        }
        assertThat(general.path("rank").asInt()).isEqualTo(windows);
        assertThat(general.path("redFlag").asBoolean()).isFalse();
        assertThat(general.path("awardEligible").asBoolean()).as("bottom five lose the month's award eligibility").isFalse();

        JsonNode published = postJson("/api/assessments/" + JUNE + "/publish", "", "director", 200);
        assertThat(published.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(published.path("staff")).isEqualTo(sheet.path("staff"));
        assertThat(published.path("windows")).isEqualTo(sheet.path("windows"));
        // a late decision no longer moves the published month
        long idF = recordF.path("id").asLong();
        // (its statement limit has passed: the supervisor decides without one)
        postJson("/api/accountability/" + idF + "/decision", object().put("confirm", true).put("reason", "补充确认").toString(),
                "supervisor", 200);
        assertThat(staffEntry(postJson("/api/assessments/" + JUNE + "/run", "", "supervisor", 200), "clerk")
                .path("score").decimalValue()).isEqualByComparingTo("99");
    }

    // ---------------------------------------------------------------- monthly-assessment

    @Test
    void monthlyAssessmentComputesOnTheFirstEscalatesAfterTheFifthAndPublishesWithCorrections() {
        // the timer start event: every 1st of the month at 08:30
        JobDefinition startTimer = management.createJobDefinitionQuery().processDefinitionKey("monthly-assessment")
                .activityIdIn("firstOfMonth").list().stream()
                .filter(j -> j.getProcessDefinitionId().equals(latestDefinitionId("monthly-assessment"))).findFirst().orElseThrow();
        assertThat(startTimer.getJobType()).isEqualTo("timer-start-event");
        // an ISO cycle with the office's offset: 08:30 in Shanghai whatever the server's time zone
        assertThat(startTimer.getJobConfiguration()).startsWith("CYCLE").contains("08:30:00+08:00/P1M");
        Job startJob = management.createJobQuery().jobDefinitionId(startTimer.getId()).singleResult();
        assertThat(startJob).as("the timer start event's job").isNotNull();
        assertFirstOfMonthAt0830(startJob);

        clock(at("2026-07-15T10:00"));
        discipline("clerk2", "LATE", "2026-07-15T08:50:00+08:00", "7月迟到");

        // the 1st of August: the run for July (started here as the timer would, with the month given)
        String key = "考核-" + JULY;
        follow(key);
        clock(at("2026-08-01T08:30"));
        ProcessInstance run = runtime.createProcessInstanceByKey("monthly-assessment").startBeforeActivity("computeDraft")
                .setVariable("month", JULY).execute();
        BpmnAwareTests.assertThat(run).isWaitingAt("reviewScores").hasBusinessKey(key);
        JsonNode draft = getJson("/api/assessments/" + JULY, "supervisor");
        assertThat(draft.path("state").asText()).isEqualTo("DRAFT");
        assertThat(staffEntry(draft, "clerk2").path("score").decimalValue()).isEqualByComparingTo("99");
        assertThat((String) runtime.getVariable(run.getId(), "caseSummary")).contains("2026-07", "窗口排名", "李强", "export.xlsx");

        Task review = openTask(run, "reviewScores");
        assertThat(candidateGroups(review)).containsExactly("supervisors");
        Instant publishDue = at("2026-08-05T17:30");
        assertThat(review.getDueDate().toInstant()).as("published by the 5th").isEqualTo(publishDue);
        assertThat(dates.publishDue("2026-06").toInstant()).isEqualTo(at("2026-07-05T17:30"));
        assertThat(dates.reportDue("2026-06").toInstant()).isEqualTo(at("2026-07-10T17:30"));
        Job due = timer(run, "publishDue");
        assertThat(due.getDuedate().toInstant()).isEqualTo(publishDue);

        // not published by the 5th: the directors chase it, the review stays open
        fire(due, at("2026-08-06T09:00"));
        Task chase = openTask(run, "chasePublication");
        assertThat(candidateGroups(chase)).containsExactly("directors");
        assertThat(openTask(run, "reviewScores").getId()).isEqualTo(review.getId());
        assertThat(getJson("/api/assessments/" + JULY, "supervisor").path("state").asText()).isEqualTo("DRAFT");

        // a malformed correction is refused and changes nothing
        assertThatThrownBy(() -> completeAs("supervisor", review, Map.of("corrections", "clerk2,一分,表彰补录")))
                .hasMessageContaining("corrections");
        assertThat(openTask(run, "reviewScores").getId()).isEqualTo(review.getId());
        assertThat(getJson("/api/assessments/" + JULY, "supervisor").path("state").asText()).isEqualTo("DRAFT");

        // the supervisor corrects and publishes
        completeAs("supervisor", review, Map.of("corrections", "clerk2,1,表彰补录\n"));
        JsonNode published = getJson("/api/assessments/" + JULY, "supervisor");
        assertThat(published.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(published.path("publishedBy").asText()).isEqualTo("supervisor");
        JsonNode clerk2 = staffEntry(published, "clerk2");
        assertThat(clerk2.path("score").decimalValue()).isEqualByComparingTo("100");
        assertThat(lines(clerk2)).anyMatch(l -> l.startsWith("CORRECTION|") && l.contains("|1|"));
        assertThat(clerk2.path("lines").findValuesAsText("description")).anyMatch(text -> text.contains("表彰补录"));
        assertRankingFollowsTheTable(published);

        completeAs("director", chase, Map.of("handlingNote", "已督促考核小组发布"));
        BpmnAwareTests.assertThat(run).isEnded();
    }

    // ---------------------------------------------------------------- denial-report

    @Test
    void denialReportReachesTheDirectorsByTheTenthWithItsExport() {
        JobDefinition startTimer = management.createJobDefinitionQuery().processDefinitionKey("denial-report")
                .activityIdIn("reportMonthStarts").list().stream()
                .filter(j -> j.getProcessDefinitionId().equals(latestDefinitionId("denial-report"))).findFirst().orElseThrow();
        assertFirstOfMonthAt0830(management.createJobQuery().jobDefinitionId(startTimer.getId()).singleResult());

        // a returned application in July, its filing not done within one working day
        clock(at("2026-07-15T10:00"));
        JsonNode returned = registerCase("clerk", false);
        String caseNumber = returned.path("caseNumber").asText();
        assertThat(returned.path("disposition").asText()).isEqualTo("RETURNED");
        ProcessInstance filing = instance(caseNumber, "denial-filing");
        fire(timer(filing, "filingDue"), at("2026-07-16T17:31"));
        JsonNode late = single(getJson("/api/accountability?caseNumber=" + caseNumber, "supervisor"));
        assertThat(late.path("triggerType").asText()).isEqualTo("DENIAL_FILING_OVERDUE");
        assertThat(late.path("staff").asText()).isEqualTo("clerk");
        assertThat(late.path("measure").asText()).isEqualTo("书面检查");
        assertThat(late.path("ruleName").asText()).isEqualTo("否定报备逾期");
        follow("ACC-" + late.path("id").asLong());

        // the 1st of August: last month's report
        String key = "否定报备-" + JULY;
        follow(key);
        clock(at("2026-08-01T08:30"));
        ProcessInstance report = runtime.createProcessInstanceByKey("denial-report").startBeforeActivity("prepareReport")
                .setVariable("month", JULY).execute();
        BpmnAwareTests.assertThat(report).isWaitingAt("sendReport").hasBusinessKey(key);
        Task send = openTask(report, "sendReport");
        assertThat(candidateGroups(send)).containsExactly("directors");
        assertThat(send.getDueDate().toInstant()).as("by the 10th").isEqualTo(at("2026-08-10T17:30"));

        HttpResponse<byte[]> csv = download("/api/reports/denials/" + JULY + "/export.csv", "director");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF案件编号,申请事项,窗口,结果,退回/不予许可理由,经办人,退回时间,报备审批人,报备时间,报备意见,逾期报备");
        List<String> rows = new ArrayList<>(text.lines().skip(1).filter(l -> !l.isBlank()).toList());
        String row = rows.stream().filter(l -> l.startsWith(caseNumber + ",")).findFirst().orElseThrow();
        assertThat(row).contains(",clerk,", "2026-07-15 10:00").endsWith(",是");
        long lateRows = rows.stream().filter(l -> l.endsWith(",是")).count();
        assertThat((String) runtime.getVariable(report.getId(), "caseSummary"))
                .contains(JULY, "退回/不予许可**: " + rows.size() + "件", "逾期报备 " + lateRows + "件", "export.csv");
        assertThat(download("/api/reports/denials/" + JULY + "/export.csv", "clerk").statusCode()).isEqualTo(403);
        assertThat(download("/api/reports/denials/July/export.csv", "director").statusCode()).isEqualTo(400);

        completeAs("director", send, Map.of("handlingNote", "已报送纪委"));
        BpmnAwareTests.assertThat(report).isEnded();
    }

    // ---------------------------------------------------------------- helpers

    /** Runs a case past its deadline: the SLA watch's warning, then its deadline timer, each fired just after its time. */
    private void runOverdue(String caseNumber) {
        ProcessInstance watch = instance(caseNumber, org.bianmin.cases.CaseProcesses.ROOT);
        Job warning = timer(watch, "warningTime");
        fire(warning, warning.getDuedate().toInstant().plusSeconds(60));
        Job deadline = timer(watch, "deadlineTime");
        fire(deadline, deadline.getDuedate().toInstant().plusSeconds(60));
        assertThat(ZonedDateTime.ofInstant(deadline.getDuedate().toInstant(), SHANGHAI).getMonthValue()).as("overdue in June").isEqualTo(6);
        assertThat(eventDetails(caseNumber)).hasSize(1);
        // follow the review process of a record, if one was proposed
        jdbc.queryForList("select id from accountability_record where case_number = ?", Long.class, caseNumber)
                .forEach(id -> follow("ACC-" + id));
    }

    private List<String> eventDetails(String caseNumber) {
        return jdbc.queryForList("select details from case_event where case_number = ? and event_type = 'CASE_OVERDUE' order by id",
                String.class, caseNumber);
    }

    private long eventId(String caseNumber) {
        return jdbc.queryForObject("select id from case_event where case_number = ? and event_type = 'CASE_OVERDUE'", Long.class, caseNumber);
    }

    private Task reviewTask(long recordId) {
        Task task = tasks.createTaskQuery().processDefinitionKey(AccountabilityService.REVIEW_PROCESS)
                .processInstanceBusinessKey("ACC-" + recordId).taskDefinitionKey("reviewRecord").singleResult();
        assertThat(task).as("review task of record %d", recordId).isNotNull();
        return task;
    }

    private long openReviewTasks(long recordId) {
        return tasks.createTaskQuery().processInstanceBusinessKey("ACC-" + recordId).count();
    }

    private long history(long recordId) {
        return processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(AccountabilityService.REVIEW_PROCESS).processInstanceBusinessKey("ACC-" + recordId).finished().count();
    }

    private String latestDefinitionId(String key) {
        return processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult().getId();
    }

    private static void assertFirstOfMonthAt0830(Job job) {
        assertThat(job).isNotNull();
        ZonedDateTime due = ZonedDateTime.ofInstant(job.getDuedate().toInstant(), SHANGHAI);
        assertThat(due.getDayOfMonth()).as("due %s", due).isEqualTo(1);
        assertThat(due.toLocalTime()).as("due %s (Asia/Shanghai)", due).isEqualTo(LocalTime.of(8, 30));
    }

    /** {@code source|sourceId|points|rule} of each line of a staff entry. */
    private static List<String> lines(JsonNode staffEntry) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : staffEntry.path("lines")) {
            lines.add(line.path("source").asText() + "|" + line.path("sourceId").asLong() + "|"
                    + line.path("points").decimalValue().stripTrailingZeros().toPlainString() + "|" + line.path("rule").asText());
        }
        return lines;
    }

    private static JsonNode single(JsonNode array) {
        assertThat(array).as("one record: %s", array).hasSize(1);
        return array.get(0);
    }
}
