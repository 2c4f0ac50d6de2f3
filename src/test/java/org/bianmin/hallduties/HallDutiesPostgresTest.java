package org.bianmin.hallduties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.cases.CaseRegistrationService;
import org.bianmin.cases.RegistrationRequest;
import org.bianmin.privacy.PersonalData;
import org.bianmin.support.HallDutyTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** First-inquiry register with referral, complaints with their reply limit, good/bad evaluations. */
class HallDutiesPostgresTest extends HallDutyTestSupport {

    @Autowired CaseRegistrationService registration;
    @Autowired HallDutyLimits limits;

    private final List<String> caseNumbers = new java.util.ArrayList<>();

    @Override
    protected Instant startClock() {
        return at("2026-09-16T10:00"); // Wednesday; Sunday Sep 20 and Saturday Oct 10 are make-up working days, Sep 25-27 and Oct 1-7 holidays
    }

    @AfterEach
    void deleteCaseProcesses() {
        caseNumbers.forEach(n -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).list().forEach(i ->
                endInstance(i.getId())));
    }

    @Test
    void inquiriesAreLoggedWithMaskedPhonesAndAReferralBecomesATaskOfTheWindow() {
        assertError(post("/api/inquiries", Map.of("name", "钱多多", "channel", "EMAIL", "matter", "问"), "clerk"), 400, "INVALID_FIELD");
        assertError(post("/api/inquiries", Map.of("name", "钱多多", "channel", "WINDOW", "matter", "问", "referredTo", "window-nowhere"),
                "clerk"), 400, "INVALID_FIELD");
        int before = count("select count(*) from inquiry");

        JsonNode inquiry = created(post("/api/inquiries", Map.of("name", "钱多多", "organization", "多多商行", "channel", "PHONE",
                "phone", "13912345678", "matter", "食品经营许可延续怎么办", "answer", "已告知材料, 转市场监管窗口",
                "referredTo", "window-market"), "clerk"));
        assertThat(count("select count(*) from inquiry")).isEqualTo(before + 1);
        assertThat(inquiry.path("phone").asText()).isEqualTo("139****5678");
        assertThat(inquiry.path("firstPerson").asText()).isEqualTo("clerk");

        JsonNode mine = getJson("/api/inquiries?firstPerson=clerk&from=" + iso("2026-09-16T00:00").replace("+", "%2B"), "clerk");
        assertThat(mine).anySatisfy(e -> assertThat(e.path("id").asLong()).isEqualTo(inquiry.path("id").asLong()));
        assertThat(mine.toString()).doesNotContain("13912345678");

        ProcessInstance referral = instance("inquiry-referral", "inquiry-" + inquiry.path("id").asLong());
        Task task = openTask(referral, "answerReferral");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("window-market").count()).isEqualTo(1);
        assertThat((String) runtime.getVariable(referral.getId(), "summary")).contains("钱多多", "139****5678").doesNotContain("13912345678");
        completeAs("market-a", task, Map.of("referralAnswer", "已电话答复: 携带原许可证到窗口办理延续"));
        JsonNode answered = getJson("/api/inquiries?firstPerson=clerk", "clerk");
        // other tests log inquiries of clerk too: find this one by id
        JsonNode answeredOne = null;
        for (JsonNode entry : answered) {
            if (entry.path("id").asLong() == inquiry.path("id").asLong()) {
                answeredOne = entry;
            }
        }
        assertThat(answeredOne).isNotNull();
        assertThat(answeredOne.path("referralAnswer").asText()).contains("延续");
        assertThat(answeredOne.path("referralAnsweredBy").asText()).isEqualTo("market-a");
    }

    @Test
    void aComplaintIsRepliedWithinAWeekOrEscalatedAndAVerifiedOneIsAnEvent() {
        assertError(post("/api/complaints", complaint("nobody"), "clerk"), 400, "INVALID_FIELD");
        int before = count("select count(*) from complaint");
        JsonNode complaint = created(post("/api/complaints", complaint("clerk"), "clerk2"));
        assertThat(count("select count(*) from complaint")).isEqualTo(before + 1);
        long id = complaint.path("id").asLong();
        // the complainant is confidential: the registering clerk does not see them afterwards
        assertThat(complaint.path("complainant").isNull()).isTrue();
        assertThat(getJson("/api/complaints/" + id, "clerk").path("complainant").isNull()).isTrue();
        JsonNode supervised = getJson("/api/complaints/" + id, "supervisor");
        assertThat(supervised.path("complainant").path("name").asText()).isEqualTo("孙大圣");
        assertThat(getJson("/api/complaints/" + id, "director").path("complainant").path("phone").asText()).isEqualTo("13700001111");
        assertThat(supervised.path("aboutWindow").asText()).isEqualTo("window-general");
        // one week = 5 working days from Wed 2026-09-16 (Sunday Sep 20 is a make-up working day): Tue 2026-09-22 at closing
        assertThat(supervised.path("replyDue").asText()).startsWith("2026-09-22T17:30");

        ProcessInstance handling = instance("complaint-handling", "complaint-" + id);
        completeAs("supervisor", openTask(handling, "assignComplaint"), Map.of("investigator", "supervisor"));
        completeAs("supervisor", openTask(handling, "investigateComplaint"), Map.of("verified", "true", "finding", "窗口人员推诿, 属实"));
        assertThat(events("COMPLAINT_VERIFIED")).singleElement().satisfies(e -> assertThat(e).startsWith("clerk|window-general|"));

        fire(timer(handling, "replyDue"));
        assertThat(events("COMPLAINT_REPLY_OVERDUE")).singleElement().satisfies(e -> assertThat(e).startsWith("clerk|window-general|"));
        assertThat(tasks.createTaskQuery().processInstanceId(handling.getId()).taskDefinitionKey("superviseComplaint")
                .taskCandidateGroup("directors").count()).isEqualTo(1);
        completeAs("supervisor", openTask(handling, "replyToComplainant"), Map.of("reply", "已向投诉人致歉并说明处理结果"));
        JsonNode closed = getJson("/api/complaints/" + id, "supervisor");
        assertThat(closed.path("state").asText()).isEqualTo("REPLIED");
        assertThat(closed.path("verified").asBoolean()).isTrue();
    }

    @Test
    void aRatingIsRefusedBeforeTheCaseEndsAndTwiceAndABadOneIsReviewed() {
        String open = register(true);
        int before = count("select count(*) from case_evaluation");
        assertError(post("/api/cases/" + open + "/evaluation", Map.of("rating", 5), "clerk"), 409, "CASE_NOT_ENDED");
        String returned = register(false);
        assertError(post("/api/cases/" + returned + "/evaluation", Map.of("rating", 7), "clerk"), 400, "INVALID_FIELD");
        assertError(post("/api/cases/BM00000000-0000/evaluation", Map.of("rating", 5), "clerk"), 404, "UNKNOWN_CASE");
        assertThat(count("select count(*) from case_evaluation")).isEqualTo(before);

        JsonNode rated = created(post("/api/cases/" + returned + "/evaluation", Map.of("rating", 1, "comment", "态度差"), "clerk2"));
        assertThat(rated.path("ratingLabel").asText()).isEqualTo("非常不满意");
        assertThat(rated.path("state").asText()).isEqualTo("UNDER_REVIEW");
        assertError(post("/api/cases/" + returned + "/evaluation", Map.of("rating", 5), "clerk"), 409, "ALREADY_RATED");
        assertThat(count("select count(*) from case_evaluation")).isEqualTo(before + 1);

        ProcessInstance review = instance("bad-evaluation", returned);
        assertThat(timer(review, "rectificationDue").getDuedate().toInstant()).isEqualTo(at("2026-10-13T17:30")); // 15 working days
        completeAs("supervisor", openTask(review, "verifyEvaluation"),
                Map.of("evaluationOutcome", "CONFIRMED", "reviewNote", "经回访属实"));
        assertThat(events("BAD_EVALUATION_CONFIRMED")).singleElement().satisfies(e -> assertThat(e).startsWith("clerk|window-"));
        Task rectify = openTask(review, "rectifyAndReply");
        assertThat(rectify.getAssignee()).isEqualTo("clerk");
        fire(timer(review, "rectificationDue"));
        assertThat(events("EVALUATION_RECTIFICATION_OVERDUE")).hasSize(1);
        completeAs("clerk", rectify, Map.of("rectification", "加强服务礼仪培训", "replyToApplicant", "已致歉"));
        assertThat(jdbc.queryForObject("select state from case_evaluation where case_number = ?", String.class, returned))
                .isEqualTo("RECTIFIED");

        JsonNode satisfaction = getJson("/api/evaluations/satisfaction?month=2026-09", "supervisor");
        assertThat(satisfaction).anySatisfy(w -> assertThat(w.path("ratings").asInt()).isPositive());
    }

    @Test
    void anAppealAnnulsAMistakenBadRatingWithItsReasonAndTheWindowFormRecordsRatings() {
        String returned = register(false);
        created(post("/api/cases/" + returned + "/evaluation", Map.of("rating", 2), "clerk"));
        ProcessInstance review = instance("bad-evaluation", returned);
        completeAs("supervisor", openTask(review, "verifyEvaluation"), Map.of("evaluationOutcome", "MALICIOUS", "reviewNote", "与本案无关的恶意评价"));
        assertThat(jdbc.queryForObject("select state || '|' || review_note from case_evaluation where case_number = ?", String.class, returned))
                .startsWith("ANNULLED|恶意差评").contains("与本案无关");
        assertThat(events("BAD_EVALUATION_CONFIRMED")).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(review.getId()).count()).isZero();

        // the window's Tasklist start form
        String other = register(false);
        identity.setAuthentication("clerk", List.of("clerks", "window-general"));
        try {
            runtime.startProcessInstanceByKey("case-evaluation", Map.of("caseNumber", other, "rating", "4"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(jdbc.queryForObject("select rating || '|' || recorded_by from case_evaluation where case_number = ?", String.class, other))
                .isEqualTo("4|clerk");
    }

    private Map<String, Object> complaint(String aboutStaff) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("complainant", Map.of("name", "孙大圣", "phone", "13700001111"));
        body.put("aboutStaff", aboutStaff);
        body.put("matter", "办理营业执照时窗口人员推诿");
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
