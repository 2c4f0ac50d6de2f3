package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bianmin.privacy.PersonalData;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 3 (intake and classification) through the REST API on a real PostgreSQL: every disposition
 * and case type, deadlines on the working-day calendar, notices, supplements, masking of personal
 * data, and bad input that leaves no trace. Other tests share the context and register cases too:
 * everything here is counted as deltas or looked up by case number.
 */
class CaseRegistrationPostgresTest extends PostgresIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /**
     * "Today" for every test here (Monday 2026-11-23 10:00): the engine clock is fixed, so the fixed
     * dates below (a received-at must lie in the year before "now") validate in any year.
     */
    private static final Instant TODAY = OffsetDateTime.parse("2026-11-23T10:00:00+08:00").toInstant();
    /** A Wednesday a few days before "today" (2026-11-23): a mailed application registered late. */
    private static final String RECEIVED = "2026-11-18T10:00:00+08:00";
    /** The day before the National Day holidays (2026-10-01..07, make-up working day Sat 2026-10-10). */
    private static final String BEFORE_NATIONAL_DAY = "2026-09-30T10:00:00+08:00";
    private static final String CLERK = "clerk";

    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired TaskService tasks;
    @Autowired org.camunda.bpm.engine.ManagementService management;

    private Set<String> casesBefore;

    @BeforeEach
    void fixClock() {
        ClockUtil.setCurrentTime(Date.from(TODAY));
        casesBefore = new HashSet<>(jdbc.queryForList("select case_number from case_record", String.class));
    }

    @AfterEach
    void endLeftoversAndResetClock() {
        try {
            // the processes of this test's cases end while the clock still stands: none of their timers fires later
            jdbc.queryForList("select case_number from case_record", String.class).stream()
                    .filter(caseNumber -> !casesBefore.contains(caseNumber))
                    .flatMap(caseNumber -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream())
                    .forEach(instance -> endInstance(instance.getId()));
        } finally {
            ClockUtil.reset();
        }
    }

    // ---------------------------------------------------------------- catalogue

    @Test
    void catalogueListsItemsOfEveryCaseTypeWithMaterialsAndBasis() {
        HttpResponse<String> response = get("/api/items", CLERK, DEMO_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode items = read(response);
        assertThat(items.isArray()).isTrue();
        assertThat(items.size()).isGreaterThanOrEqualTo(12);
        Set<String> departments = new HashSet<>();
        Set<String> caseTypes = new HashSet<>();
        for (JsonNode item : items) {
            assertThat(item.path("code").asText()).as(item.toString()).matches("[A-Z]{2}-\\d{3}");
            assertThat(item.path("name").asText()).as(item.toString()).isNotBlank();
            assertThat(item.path("department").asText()).as(item.toString()).startsWith("dept-");
            assertThat(item.path("caseType").asText()).as(item.toString()).isNotBlank();
            assertThat(item.path("promisedWorkingDays").isInt()).as(item.toString()).isTrue();
            assertThat(item.path("legalBasis").asText()).as(item.toString()).isNotBlank();
            assertThat(item.path("materials").isArray()).isTrue();
            assertThat(item.path("materials")).as(item.toString()).isNotEmpty();
            boolean hasMain = false;
            for (JsonNode material : item.path("materials")) {
                assertThat(material.path("code").asText()).isNotBlank();
                assertThat(material.path("name").asText()).isNotBlank();
                assertThat(material.path("main").isBoolean()).isTrue();
                hasMain |= material.path("main").asBoolean();
            }
            assertThat(hasMain).as("%s has a main material", item.path("code").asText()).isTrue();
            departments.add(item.path("department").asText());
            caseTypes.add(item.path("caseType").asText());
        }
        assertThat(departments.size()).isGreaterThanOrEqualTo(4);
        assertThat(caseTypes).contains("IMMEDIATE", "COMMITTED", "FORWARDED", "JOINT", "PETITION");

        JsonNode sj002 = find(items, "SJ-002");
        assertThat(sj002.path("name").asText()).isEqualTo("食品经营许可(小餐饮)");
        assertThat(sj002.path("department").asText()).isEqualTo("dept-market");
        assertThat(sj002.path("caseType").asText()).isEqualTo("COMMITTED");
        assertThat(sj002.path("promisedWorkingDays").asInt()).isEqualTo(10);
        assertThat(sj002.path("materials").toString())
                .contains("{\"code\":\"APPLICATION_FORM\",\"name\":\"食品经营许可申请书\",\"main\":true}")
                .contains("{\"code\":\"LAYOUT_PLAN\",\"name\":\"经营场所平面图及设备布局图\",\"main\":false}");
        assertThat(sj002.path("legalBasis").asText()).contains("食品安全法");
    }

    // ---------------------------------------------------------------- dispositions and case types

    @Test
    void completeLawfulApplicationsAreAcceptedAsTheirCaseTypeWithCalendarDeadlines() {
        record Expected(String item, String caseType, String count, List<String> materials, boolean petition) {
        }
        List<Expected> all = List.of(
                new Expected("SJ-001", "IMMEDIATE", "workingMinutes=30", List.of("APPLICATION_FORM", "ID_CARD", "PREMISES_PROOF"), false),
                new Expected("SJ-002", "COMMITTED", "workingDays=10", List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES"), false),
                new Expected("RS-004", "FORWARDED", "workingDays=20", List.of("ID_CARD", "ARCHIVE", "RETIREMENT_FORM", "PHOTO"), false),
                new Expected("ZH-001", "JOINT", "workingDays=10", List.of("APPLICATION_FORM", "BIRTH_CERT", "PARENTS_ID", "HOUSEHOLD_REGISTER", "MARRIAGE_CERT"), false),
                new Expected("XF-001", "PETITION", "workingDays=10", List.of("PETITION_LETTER", "ID_CARD"), true));
        for (Expected expected : all) {
            ObjectNode request = application(expected.item(), expected.materials().toArray(String[]::new));
            request.put("receivedAt", RECEIVED);
            if (expected.petition()) {
                request.put("petition", true);
            }
            JsonNode result = register(request);
            String caseNumber = result.path("caseNumber").asText();
            assertCaseNumber(caseNumber);
            assertThat(result.path("disposition").asText()).as(result.toString()).isEqualTo("ACCEPTED");
            assertThat(result.path("caseType").asText()).as(result.toString()).isEqualTo(expected.caseType());
            assertThat(result.path("state").asText()).isEqualTo("IN_PROGRESS");
            assertThat(instant(result.path("deadline"))).as("deadline of %s", expected.item())
                    .isEqualTo(calendarDeadline(RECEIVED, expected.count()));
            assertThat(result.path("deadline").asText()).endsWith("+08:00");
            assertThat(result.path("missingMaterials")).isEmpty();
            assertThat(noticeTypes(result)).containsExactly("acceptance", "receipt");

            ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .processDefinitionKey(expected.caseType().toLowerCase() + "-case").singleResult();
            assertThat(process).as("%s-case of %s", expected.caseType().toLowerCase(), caseNumber).isNotNull();
            ProcessInstance root = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .rootProcessInstances().singleResult();
            assertThat(root).as("the case's one root instance").isNotNull();
            assertThat(root.getProcessDefinitionId()).startsWith(CaseProcesses.ROOT + ":");
            assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(root.getId()).singleResult().getId())
                    .as("the case-type process is called by the root").isEqualTo(process.getId());
            // received on the 18th, registered on the 23rd: the immediate case's times are past, and the job
            // executor may already have fired its timers — waiting or fired, the root has each once
            // the deadline's work is done once, by its own timer or by the warning's (which then removes the deadline's)
            for (String[] timer : new String[][] {{"warningTime", "warningTime"}, {"deadlineTime", "markOverdue"}}) {
                // a timer's firing deletes its job and writes its history in one commit: counted while the job
                // count stays the same around the history's, it is counted once, waiting or done
                java.util.function.LongSupplier jobs = () -> management.createJobQuery().processInstanceId(root.getId())
                        .activityId(timer[0]).timers().count();
                long waiting;
                long done;
                do {
                    waiting = jobs.getAsLong();
                    done = history.createHistoricActivityInstanceQuery().processInstanceId(root.getId()).activityId(timer[1]).count();
                } while (waiting != jobs.getAsLong());
                assertThat(waiting + done).as("the root's %s timer, waiting or done", timer[0]).isEqualTo(1);
            }
        }
    }

    @Test
    void majorPetitionGetsOneMonth() {
        ObjectNode request = application("XF-001", "PETITION_LETTER");
        request.put("petition", true).put("major", true).put("receivedAt", RECEIVED);
        JsonNode result = register(request);
        assertThat(result.path("caseType").asText()).isEqualTo("PETITION");
        assertThat(instant(result.path("deadline"))).isEqualTo(calendarDeadline(RECEIVED, "workingDays=30"));
    }

    @Test
    void deadlineSkipsTheNationalDayHolidaysAndCountsTheMakeUpSaturday() {
        ObjectNode request = application("SJ-002", "APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES");
        request.put("receivedAt", BEFORE_NATIONAL_DAY);
        JsonNode result = register(request);
        // Oct 1-7 are holidays; working days 8, 9, 10 (Saturday, make-up), 12, 13, 14, 15, 16, 19, 20
        assertThat(instant(result.path("deadline"))).isEqualTo(OffsetDateTime.parse("2026-10-20T17:30:00+08:00").toInstant());
        assertThat(instant(result.path("deadline"))).isEqualTo(calendarDeadline(BEFORE_NATIONAL_DAY, "workingDays=10"));
        assertThat(result.path("warnings")).isEmpty();
    }

    @Test
    void missingGeneralMaterialsMakeASupplementCaseNamingAllOfThemAtOnce() {
        String id = idNumber("32010619880215004");
        ObjectNode request = application("SJ-002", "APPLICATION_FORM", "BUSINESS_LICENSE");
        request.put("receivedAt", RECEIVED);
        ((ObjectNode) request.path("applicant")).put("idNumber", id).put("name", "钱多多");
        HttpResponse<String> response = post("/api/cases", request.toString(), CLERK, DEMO_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).doesNotContain(id);
        JsonNode result = read(response);
        String caseNumber = result.path("caseNumber").asText();
        assertCaseNumber(caseNumber);
        assertThat(result.path("disposition").asText()).isEqualTo("SUPPLEMENT");
        assertThat(result.path("caseType").asText()).isEqualTo("COMMITTED");
        assertThat(result.path("state").asText()).isEqualTo("WAITING_SUPPLEMENT");
        assertThat(instant(result.path("deadline"))).isEqualTo(calendarDeadline(RECEIVED, "workingDays=10"));
        assertThat(codes(result.path("missingMaterials"))).containsExactly("LAYOUT_PLAN", "SAFETY_RULES");
        assertThat(result.path("missingMaterials").get(0).path("name").asText()).isEqualTo("经营场所平面图及设备布局图");
        assertThat(result.path("missingMaterials").get(1).path("main").asBoolean()).isFalse();
        assertThat(noticeTypes(result)).containsExactly("acceptance", "supplement", "receipt");

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(CaseProcesses.SUPPLEMENT).count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("committed-case").count()).isZero();

        JsonNode details = details(caseNumber);
        assertThat(details.path("sla").path("state").asText()).isEqualTo("PAUSED");
        assertThat(details.path("openTasks")).hasSize(1);
        assertThat(details.path("openTasks").get(0).path("taskDefinitionKey").asText()).isEqualTo("receiveSupplement");

        HttpResponse<String> notice = notice(caseNumber, "supplement");
        assertHtmlNotice(notice, caseNumber, id, "食品经营许可(小餐饮)");
        assertThat(notice.body()).contains("补报材料通知单", "经营场所平面图及设备布局图", "食品安全管理制度文本", "一次性告知");
        HttpResponse<String> acceptance = notice(caseNumber, "acceptance");
        assertHtmlNotice(acceptance, caseNumber, id, "食品经营许可(小餐饮)");
        assertThat(acceptance.body()).contains("受理告知单", "补报材料通知单", "《中华人民共和国行政许可法》第三十二条第一款第(四)项");
        assertThat(notice(caseNumber, "non-acceptance").statusCode()).isEqualTo(404);
    }

    @Test
    void missingMainMaterialReturnsTheApplicationForADirectorsFiling() {
        String id = idNumber("61010319770704321");
        ObjectNode request = application("SJ-002", "APPLICATION_FORM", "LAYOUT_PLAN");
        ((ObjectNode) request.path("applicant")).put("idNumber", id);
        JsonNode result = register(request);
        String caseNumber = result.path("caseNumber").asText();
        assertCaseNumber(caseNumber);
        assertThat(result.path("disposition").asText()).isEqualTo("RETURNED");
        assertThat(result.path("caseType").isNull()).as(result.toString()).isTrue();
        assertThat(result.path("state").asText()).isEqualTo("RETURNED");
        assertThat(result.path("deadline").isNull()).isTrue();
        assertThat(codes(result.path("missingMaterials"))).containsExactly("BUSINESS_LICENSE");
        assertThat(result.path("reason").asText()).contains("营业执照");
        assertThat(noticeTypes(result)).containsExactly("non-acceptance", "receipt");

        ProcessInstance filing = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(CaseProcesses.DENIAL_FILING).singleResult();
        assertThat(filing).isNotNull();
        Task task = tasks.createTaskQuery().processInstanceId(filing.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("fileDenial");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anySatisfy(link -> {
            assertThat(link.getType()).isEqualTo(IdentityLinkType.CANDIDATE);
            assertThat(link.getGroupId()).isEqualTo("directors");
        });
        JsonNode details = details(caseNumber);
        String registeredAt = details.path("registeredAt").asText();
        // within 1 working day: the close of office hours on the next working day after the registration
        Instant due = task.getDueDate().toInstant();
        assertThat(due).isEqualTo(calendarDeadline(registeredAt, "workingDays=1"));
        assertThat(due.atZone(SHANGHAI).toLocalTime()).hasToString("17:30");
        assertThat(due.atZone(SHANGHAI).toLocalDate()).isAfter(OffsetDateTime.parse(registeredAt).atZoneSameInstant(SHANGHAI).toLocalDate());
        assertThat(details.path("openTasks").toString()).contains("fileDenial", "directors");

        HttpResponse<String> notice = notice(caseNumber, "non-acceptance");
        assertHtmlNotice(notice, caseNumber, id, "食品经营许可(小餐饮)");
        assertThat(notice.body()).contains("不予受理情况说明单", "申报材料缺少主件: 营业执照", "营业执照(主件)",
                "《便民服务工作制度》便民限时办结制 3(3)");
        assertThat(notice(caseNumber, "acceptance").statusCode()).isEqualTo(404);
        assertThat(notice(caseNumber, "supplement").statusCode()).isEqualTo(404);
    }

    @Test
    void unlawfulApplicationIsReturnedWithReasonAndBasis() {
        ObjectNode request = application("SJ-001", "APPLICATION_FORM", "ID_CARD", "PREMISES_PROOF");
        request.put("lawful", false).put("receivedAt", RECEIVED);
        JsonNode result = register(request);
        String caseNumber = result.path("caseNumber").asText();
        assertThat(result.path("disposition").asText()).isEqualTo("RETURNED");
        assertThat(result.path("missingMaterials")).isEmpty();
        assertThat(result.path("reason").asText()).contains("不符合法定条件");
        assertThat(result.path("basis").asText()).contains("行政许可法");
        assertThat(noticeTypes(result)).containsExactly("non-acceptance", "receipt");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(CaseProcesses.DENIAL_FILING).count()).isEqualTo(1);
        HttpResponse<String> notice = notice(caseNumber, "non-acceptance");
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(notice.body()).contains("申请事项不符合法定条件或不属于本中心受理范围",
                "《中华人民共和国行政许可法》第三十二条第一款第(一)(二)项", "个体工商户设立登记", "王芳");
    }

    @Test
    void consultationOnlyEntersTheInquiryRegisterAndNothingElse() {
        Counts before = counts();
        ObjectNode request = json.createObjectNode().put("itemCode", "MZ-001").put("consultationOnly", true);
        request.putObject("applicant").put("name", "孙大爷").put("phone", "13700137000");
        request.put("matter", "低保需要哪些材料?");
        JsonNode result = register(request);
        assertThat(result.path("caseNumber").isNull()).as(result.toString()).isTrue();
        assertThat(result.path("disposition").asText()).isEqualTo("CONSULTATION");
        long inquiryId = result.path("inquiryId").asLong();
        assertThat(inquiryId).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from inquiry where id = ? and name = ? and item_code = 'MZ-001' and first_person = 'clerk'",
                Long.class, inquiryId, "孙大爷")).isEqualTo(1);
        Counts after = counts();
        assertThat(after.inquiries()).isEqualTo(before.inquiries() + 1);
        assertThat(after.withoutInquiries()).isEqualTo(before.withoutInquiries());
    }

    // ---------------------------------------------------------------- details and masking

    @Test
    void detailsShowTheSlaTasksNoticesAndRuleVersionsWithPersonalDataMaskedForOtherWindows() {
        String id = idNumber("44030419851012345");
        ObjectNode request = application("SJ-002", "APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES");
        request.put("receivedAt", RECEIVED);
        ((ObjectNode) request.path("applicant")).put("idNumber", id).put("phone", "13912345678");
        JsonNode result = register(request);
        String caseNumber = result.path("caseNumber").asText();

        // the registering clerk belongs to the case: personal data in clear
        JsonNode own = read(get("/api/cases/" + caseNumber, CLERK, DEMO_PASSWORD));
        assertThat(own.path("applicant").path("idNumber").asText()).isEqualTo(id);
        assertThat(own.path("applicant").path("phone").asText()).isEqualTo("13912345678");
        assertThat(own.path("applicant").path("masked").asBoolean()).isFalse();

        // a clerk of another window reads the case masked (enough to answer a first inquiry)
        HttpResponse<String> response = get("/api/cases/" + caseNumber, "hrss-a", DEMO_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(id).doesNotContain("13912345678");
        JsonNode details = read(response);
        assertThat(details.path("applicant").path("masked").asBoolean()).isTrue();
        assertThat(details.path("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(details.path("disposition").asText()).isEqualTo("ACCEPTED");
        assertThat(details.path("caseType").asText()).isEqualTo("COMMITTED");
        assertThat(details.path("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(details.path("applicant").path("idNumber").asText()).isEqualTo(PersonalData.maskIdNumber(id))
                .isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(details.path("applicant").path("phone").asText()).isEqualTo("139****5678");
        JsonNode sla = details.path("sla");
        Instant deadline = instant(sla.path("deadline"));
        assertThat(deadline).isEqualTo(calendarDeadline(RECEIVED, "workingDays=10"));
        assertThat(sla.path("pausedMinutes").asLong()).isZero();
        Instant now = TODAY;
        Instant warnAt = instant(sla.path("warnAt"));
        String expectedState = now.isAfter(deadline) ? "OVERDUE" : !now.isBefore(warnAt) ? "WARNING" : "ON_TIME";
        assertThat(sla.path("state").asText()).isEqualTo(expectedState);
        // the first step of committed-case (its shape is the case-type process's business, not the intake's)
        assertThat(details.path("openTasks")).isNotEmpty();
        JsonNode task = details.path("openTasks").get(0);
        assertThat(task.path("id").asText()).isNotBlank();
        assertThat(task.path("name").asText()).isNotBlank();
        assertThat(task.path("taskDefinitionKey").asText()).isNotBlank();
        assertThat(task.path("candidateGroups").toString()).containsAnyOf("dept-market", "window-market", "window-general");
        assertThat(instant(task.path("due"))).isBeforeOrEqualTo(deadline);
        assertThat(details.path("notices")).hasSize(2);
        // the 收件回执 names what was handed in
        HttpResponse<String> receipt = notice(caseNumber, "receipt");
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.body()).contains("收件回执", "本中心已收到您提交的下列申请材料", "食品安全管理制度文本", caseNumber)
                .doesNotContain(id);
        assertThat(details.path("notices").get(0).path("type").asText()).isEqualTo("acceptance");
        assertThat(details.path("notices").get(0).path("url").asText()).startsWith("/api/cases/" + caseNumber + "/notices/acceptance");
        assertThat(details.path("ruleVersions").path("classification").asText()).isNotBlank();
        assertThat(details.path("ruleVersions").path("time-limits").asText()).isNotBlank();

        HttpResponse<String> acceptance = notice(caseNumber, "acceptance");
        assertHtmlNotice(acceptance, caseNumber, id, "食品经营许可(小餐饮)");
        assertThat(acceptance.body()).contains("受理告知单", "申请材料齐全、符合法定形式", "2026年12月2日 17:30", "市场监督管理所",
                "《中华人民共和国行政许可法》第三十二条第一款第(五)项");
        assertThat(acceptance.body()).doesNotContain("13912345678");

        // a browser asking for the page gets a real 404 (with the JSON error), not a 500
        HttpResponse<String> unknownType = notice(caseNumber, "no-such-notice");
        assertThat(unknownType.statusCode()).as(unknownType.body()).isEqualTo(404);
        assertThat(read(unknownType).path("error").asText()).isEqualTo("UNKNOWN_NOTICE_TYPE");
        assertThat(read(notice(caseNumber, "supplement")).path("error").asText()).isEqualTo("NOTICE_NOT_ISSUED");
        assertThat(notice(caseNumber, "supplement").statusCode()).isEqualTo(404);
        assertThat(notice(caseNumber, "non-acceptance").statusCode()).isEqualTo(404);
        HttpResponse<String> notIssued = get("/api/cases/" + caseNumber + "/notices/supplement", CLERK, DEMO_PASSWORD, "*/*");
        assertThat(notIssued.statusCode()).isEqualTo(404);
        assertThat(read(notIssued).path("error").asText()).isEqualTo("NOTICE_NOT_ISSUED");
        HttpResponse<String> unknownTypeJson = get("/api/cases/" + caseNumber + "/notices/no-such-notice", CLERK, DEMO_PASSWORD, "*/*");
        assertThat(unknownTypeJson.statusCode()).isEqualTo(404);
        assertThat(read(unknownTypeJson).path("error").asText()).isEqualTo("UNKNOWN_NOTICE_TYPE");
        assertThat(get("/api/cases/BM19990101-0001", CLERK, DEMO_PASSWORD).statusCode()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- supplements

    @Test
    void supplementsLoopUntilCompleteThenTheCaseTypeProcessStarts() {
        String id = idNumber("33010219920520112");
        ObjectNode request = application("SJ-002", "APPLICATION_FORM", "BUSINESS_LICENSE");
        request.put("receivedAt", RECEIVED);
        ((ObjectNode) request.path("applicant")).put("idNumber", id);
        String caseNumber = register(request).path("caseNumber").asText();

        // partial: still waiting, a second supplement notice names exactly what is still missing
        HttpResponse<String> partial = supplement(caseNumber, "LAYOUT_PLAN");
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(200);
        // the registering clerk belongs to the case and reads the applicant in clear
        assertThat(partial.body()).contains(id);
        JsonNode waiting = read(partial);
        assertThat(waiting.path("state").asText()).isEqualTo("WAITING_SUPPLEMENT");
        assertThat(waiting.path("sla").path("state").asText()).isEqualTo("PAUSED");
        assertThat(codes(waiting.path("missingMaterials"))).containsExactly("SAFETY_RULES");
        List<JsonNode> supplementNotices = new ArrayList<>();
        waiting.path("notices").forEach(n -> {
            if (n.path("type").asText().equals("supplement")) {
                supplementNotices.add(n);
            }
        });
        assertThat(supplementNotices).extracting(n -> n.path("sequence").asInt()).containsExactly(1, 2);
        HttpResponse<String> latest = notice(caseNumber, "supplement");
        assertHtmlNotice(latest, caseNumber, id, "食品经营许可(小餐饮)");
        assertThat(latest.body()).contains("食品安全管理制度文本", "(第2次)").doesNotContain("经营场所平面图及设备布局图");
        HttpResponse<String> first = get("/api/cases/" + caseNumber + "/notices/supplement?sequence=1", CLERK, DEMO_PASSWORD, "text/html");
        assertThat(first.body()).contains("经营场所平面图及设备布局图", "食品安全管理制度文本");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(CaseProcesses.SUPPLEMENT).count()).isEqualTo(1);

        // a material that is not missing: refused, nothing changes
        Counts before = counts();
        for (String wrong : List.of("LAYOUT_PLAN", "APPLICATION_FORM", "NO_SUCH_MATERIAL")) {
            HttpResponse<String> refused = supplement(caseNumber, wrong);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(read(refused).path("message").asText()).contains("materials[0]");
        }
        HttpResponse<String> empty = post("/api/cases/" + caseNumber + "/supplements", "{\"materials\":[]}", CLERK, DEMO_PASSWORD);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(read(empty).path("message").asText()).contains("materials");
        assertThat(counts()).isEqualTo(before);
        JsonNode unchanged = details(caseNumber);
        assertThat(unchanged.path("state").asText()).isEqualTo("WAITING_SUPPLEMENT");
        assertThat(codes(unchanged.path("missingMaterials"))).containsExactly("SAFETY_RULES");
        assertThat(unchanged.path("notices")).hasSize(4);

        // complete: the clock runs again and the committed-case process takes over
        HttpResponse<String> complete = supplement(caseNumber, "SAFETY_RULES");
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(200);
        JsonNode accepted = read(complete);
        assertThat(accepted.path("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(accepted.path("missingMaterials")).isEmpty();
        assertThat(accepted.path("sla").path("state").asText()).isNotEqualTo("PAUSED").isNotBlank();
        assertThat(accepted.path("submittedMaterials").toString())
                .contains("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN", "SAFETY_RULES");
        assertThat(accepted.path("openTasks")).isNotEmpty();
        accepted.path("openTasks").forEach(t -> assertThat(t.path("taskDefinitionKey").asText()).isNotEqualTo("receiveSupplement"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("committed-case").count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(CaseProcesses.SUPPLEMENT).count()).isZero();
        // the deadline moved on by the paused working time (never earlier than the first one)
        assertThat(instant(accepted.path("sla").path("deadline"))).isAfterOrEqualTo(calendarDeadline(RECEIVED, "workingDays=10"));

        // no longer waiting: 409
        HttpResponse<String> again = supplement(caseNumber, "SAFETY_RULES");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(read(again).path("error").asText()).isEqualTo("NOT_WAITING_FOR_SUPPLEMENT");
    }

    @Test
    void supplementToACaseThatIsNotWaitingIsAConflict() {
        String caseNumber = register(application("SJ-001", "APPLICATION_FORM", "ID_CARD", "PREMISES_PROOF")).path("caseNumber").asText();
        Counts before = counts();
        HttpResponse<String> response = supplement(caseNumber, "PREMISES_PROOF");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(read(response).path("error").asText()).isEqualTo("NOT_WAITING_FOR_SUPPLEMENT");
        assertThat(counts()).isEqualTo(before);
        assertThat(supplement("BM19990101-0001", "PREMISES_PROOF").statusCode()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badInputIsRefusedNamingTheFieldAndLeavesNoTrace() {
        String first = register(application("SJ-001", "APPLICATION_FORM", "ID_CARD")).path("caseNumber").asText();
        Counts before = counts();

        String valid = idNumber("11010519491231002");
        char wrongCheck = valid.charAt(17) == '0' ? '1' : '0';
        rejects(a -> ((ObjectNode) a.path("applicant")).put("idNumber", valid.substring(0, 17) + wrongCheck), "applicant.idNumber");
        rejects(a -> a.put("itemCode", "XX-999"), "itemCode");
        rejects(a -> a.remove("itemCode"), "itemCode");
        rejects(a -> ((ObjectNode) a.path("applicant")).put("idNumber", valid.substring(0, 17)), "applicant.idNumber");
        rejects(a -> ((ObjectNode) a.path("applicant")).remove("idNumber"), "applicant.idNumber");
        rejects(a -> ((ObjectNode) a.path("applicant")).put("phone", "12345"), "applicant.phone");
        rejects(a -> ((ArrayNode) a.path("materials")).add("NO_SUCH_MATERIAL"), "materials[2]");
        rejects(a -> a.remove("applicant"), "applicant");
        rejects(a -> ((ObjectNode) a.path("applicant")).remove("name"), "applicant.name");
        rejects(a -> ((ObjectNode) a.path("applicant")).put("name", "   "), "applicant.name");
        rejects(a -> ((ObjectNode) a.path("applicant")).put("name", "张".repeat(51)), "applicant.name");
        rejects(a -> ((ObjectNode) a.path("applicant")).put("organization", "公".repeat(101)), "applicant.organization");
        rejects(a -> ((ObjectNode) a.path("applicant")).put("name", "张\u0000三"), "applicant.name");
        rejects(a -> a.put("receivedAt", TODAY.atZone(SHANGHAI).toOffsetDateTime().plusDays(1).toString()), "receivedAt");
        rejects(a -> a.put("receivedAt", "2026-11-18 10:00"), "receivedAt");
        rejects(a -> a.put("receivedAt", "2026-11-18T10:00:00"), "receivedAt");
        rejects(a -> a.put("receivedAt", "2024-11-18T10:00:00+08:00"), "receivedAt");
        rejects(a -> a.put("lawful", "perhaps"), "lawful");
        rejects(a -> a.putObject("materials").put("code", "ID_CARD"), "materials");
        rejects(a -> a.put("applicant", "赵小满"), "applicant");
        rejectsBody("{\"itemCode\": \"SJ-001\", ", "MALFORMED_JSON", null);
        rejectsBody("not json at all", "MALFORMED_JSON", null);
        rejectsBody("", "MALFORMED_JSON", null);

        assertThat(counts()).as("nothing written by refused registrations").isEqualTo(before);

        // no case number was used up: the next registration gets the next one
        String next = register(application("SJ-001", "APPLICATION_FORM", "ID_CARD")).path("caseNumber").asText();
        assertThat(next.substring(0, 11)).isEqualTo(first.substring(0, 11));
        assertThat(Integer.parseInt(next.substring(11))).isEqualTo(Integer.parseInt(first.substring(11)) + 1);
    }

    @Test
    void registrationNeedsAnAuthenticatedCaseWorker() {
        Counts before = counts();
        String body = application("SJ-001", "APPLICATION_FORM", "ID_CARD").toString();
        HttpResponse<String> anonymous = post("/api/cases", body, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(read(anonymous).path("error").asText()).isEqualTo("UNAUTHENTICATED");
        HttpResponse<String> ruleAdmin = post("/api/cases", body, "ruleadmin", DEMO_PASSWORD);
        assertThat(ruleAdmin.statusCode()).as(ruleAdmin.body()).isEqualTo(403);
        assertThat(read(ruleAdmin).path("error").asText()).isEqualTo("FORBIDDEN");
        assertThat(counts()).isEqualTo(before);
        assertThat(get("/api/items", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/cases/BM19990101-0001", "ruleadmin", DEMO_PASSWORD).statusCode()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- helpers

    /** The processes a registration or a supplement starts. */
    private static final String[] CASE_PROCESSES = {"immediate-case", "committed-case", "forwarded-case", "joint-case",
            "petition-case", CaseProcesses.SUPPLEMENT, CaseProcesses.DENIAL_FILING, "case-intake"};

    /**
     * What a registration or a supplement writes. Only what they write is counted: timers of other
     * tests' cases may fire meanwhile (job executor) and add escalation events or tasks of their own.
     */
    record Counts(long cases, long notices, long inquiries, long events, long counters, long runningInstances,
                  long historicInstances) {
        Counts withoutInquiries() {
            return new Counts(cases, notices, 0, events, counters, runningInstances, historicInstances);
        }
    }

    private Counts counts() {
        return new Counts(count("case_record"), count("case_notice"), count("inquiry"),
                jdbc.queryForObject("select count(*) from case_event where event_type in ('CASE_REGISTERED', 'SUPPLEMENT_RECEIVED')", Long.class),
                jdbc.queryForObject("select coalesce(sum(last_value), 0) from case_number_counter", Long.class),
                runtime.createProcessInstanceQuery().processDefinitionKeyIn(CASE_PROCESSES).count(),
                history.createHistoricProcessInstanceQuery().processDefinitionKeyIn(CASE_PROCESSES).count());
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private void rejects(Consumer<ObjectNode> change, String field) {
        ObjectNode request = application("SJ-001", "APPLICATION_FORM", "ID_CARD");
        change.accept(request);
        rejectsBody(request.toString(), null, field);
    }

    private void rejectsBody(String body, String code, String field) {
        HttpResponse<String> response = post("/api/cases", body, CLERK, DEMO_PASSWORD);
        assertThat(response.statusCode()).as("%s -> %s", body, response.body()).isEqualTo(400);
        JsonNode error = read(response);
        assertThat(error.path("error").asText()).as(response.body()).isNotBlank();
        if (code != null) {
            assertThat(error.path("error").asText()).as(response.body()).isEqualTo(code);
        }
        assertThat(error.path("message").asText()).as(response.body()).isNotBlank();
        if (field != null) {
            assertThat(error.path("message").asText()).as("%s -> %s", body, response.body()).startsWith(field);
        }
    }

    private ObjectNode application(String itemCode, String... materials) {
        ObjectNode request = json.createObjectNode().put("itemCode", itemCode);
        request.putObject("applicant").put("name", "赵小满").put("idNumber", idNumber("11010519900307123"))
                .put("phone", "13800138000").put("organization", "小满餐饮店");
        ArrayNode list = request.putArray("materials");
        for (String m : materials) {
            list.add(m);
        }
        return request;
    }

    /** A valid resident ID number: the first 17 digits and their GB 11643 check character. */
    static String idNumber(String first17) {
        return first17 + PersonalData.checkCharacter(first17);
    }

    private JsonNode register(ObjectNode request) {
        HttpResponse<String> response = post("/api/cases", request.toString(), CLERK, DEMO_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).doesNotContain(request.path("applicant").path("idNumber").asText("never-empty"));
        return read(response);
    }

    private JsonNode details(String caseNumber) {
        HttpResponse<String> response = get("/api/cases/" + caseNumber, CLERK, DEMO_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response);
    }

    private HttpResponse<String> supplement(String caseNumber, String... materials) {
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("materials");
        for (String m : materials) {
            list.add(m);
        }
        return post("/api/cases/" + caseNumber + "/supplements", body.toString(), CLERK, DEMO_PASSWORD);
    }

    private HttpResponse<String> notice(String caseNumber, String type) {
        return get("/api/cases/" + caseNumber + "/notices/" + type, CLERK, DEMO_PASSWORD, "text/html");
    }

    private void assertHtmlNotice(HttpResponse<String> response, String caseNumber, String idNumber, String itemName) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.toLowerCase()).startsWith("text/html").contains("charset=utf-8"));
        assertThat(response.body()).contains("<html lang=\"zh-CN\"", "便民服务中心", caseNumber,
                PersonalData.maskIdNumber(idNumber), itemName, "经办人", "王芳");
        assertThat(response.body()).doesNotContain(idNumber);
    }

    private Instant calendarDeadline(String from, String count) {
        HttpResponse<String> response = get("/api/calendar/deadline?from=" + URLEncoder.encode(from, StandardCharsets.UTF_8)
                + "&" + count, CLERK, DEMO_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return instant(read(response).path("deadline"));
    }

    private static Instant instant(JsonNode node) {
        assertThat(node.isTextual()).as("a date-time: %s", node).isTrue();
        return OffsetDateTime.parse(node.asText()).toInstant();
    }

    private static void assertCaseNumber(String caseNumber) {
        String today = DateTimeFormatter.ofPattern("yyyyMMdd").format(TODAY.atZone(SHANGHAI));
        assertThat(caseNumber).matches("BM\\d{8}-\\d{4}").startsWith("BM" + today + "-");
    }

    private static List<String> codes(JsonNode materials) {
        List<String> codes = new ArrayList<>();
        materials.forEach(m -> codes.add(m.path("code").asText()));
        return codes;
    }

    private static List<String> noticeTypes(JsonNode result) {
        List<String> types = new ArrayList<>();
        result.path("notices").forEach(n -> types.add(n.path("type").asText()));
        return types;
    }

    private static JsonNode find(JsonNode items, String code) {
        for (JsonNode item : items) {
            if (code.equals(item.path("code").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item " + code);
    }

    private HttpResponse<String> post(String path, String body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=UTF-8").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return exchange(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
