package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bianmin.notices.Notice;
import org.bianmin.notices.NoticeType;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * 容缺受理: for an item the catalogue marks (SJ-002), an application with its main materials and the
 * applicant's signed promise is accepted with the clock running; the promised materials are owed by
 * a 补正期限 no later than the case's deadline; brought in time, the promise watch ends; missed,
 * the case ends as 逾期未补正 with a termination notice. Refused (400, nothing stored) for an item
 * without the mark and for an application that needs no promise or cannot have one.
 */
class PromiseAcceptancePostgresTest extends CaseProcessTestSupport {

    static final List<String> MAIN_ONLY = List.of("APPLICATION_FORM", "BUSINESS_LICENSE");
    /** Registered Wednesday 2026-09-30 10:00: the 10 working days of the limit and of the promise end together. */
    static final Instant DUE = at("2026-10-20T17:30");

    @Test
    void acceptedOnAPromiseTheWorkRunsAndTheMaterialsBroughtInTimeEndTheWatch() {
        String caseNumber = registerOnPromise("SJ-002", MAIN_ONLY);
        CaseRecord accepted = record(caseNumber);
        assertThat(accepted.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(accepted.disposition()).isEqualTo(Disposition.ACCEPTED);
        assertThat(accepted.pausedSince()).as("the clock runs").isNull();
        assertThat(accepted.deadline()).isEqualTo(DUE);
        assertThat(accepted.supplementDue()).as("no later than the case's deadline").isEqualTo(DUE);
        assertThat(accepted.missingMaterials()).containsExactly("LAYOUT_PLAN", "SAFETY_RULES");
        assertThat(details(caseNumber).path("supplementDue").asText()).isEqualTo("2026-10-20T17:30:00+08:00");

        Notice promise = notices.find(caseNumber, NoticeType.PROMISE, null).orElseThrow();
        assertThat(promise.materials()).containsExactly("LAYOUT_PLAN", "SAFETY_RULES");
        assertThat(promise.details()).containsEntry("补正期限", "2026年10月20日 17:30前");
        assertThat(noticeHtml(caseNumber, "promise")).contains("容缺受理通知书", "经营场所平面图及设备布局图", "申请人承诺", "申请人(签字)");
        assertThat(noticeHtml(caseNumber, "acceptance")).contains("容缺受理", "办理时限照常计算", "《容缺受理通知书》")
                .doesNotContain("暂停计时");
        assertThat(notices.find(caseNumber, NoticeType.SUPPLEMENT, null)).as("not a supplement wait").isEmpty();
        assertThat(java.util.stream.StreamSupport.stream(details(caseNumber).path("timeline").spliterator(), false)
                .filter(entry -> entry.path("type").asText().equals("CASE_REGISTERED")).map(entry -> entry.path("note").asText())
                .toList()).as("the timeline in words").containsExactly("受理件, 承诺件, 容缺受理");

        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
        BpmnAwareTests.assertThat(root).isWaitingAt("caseWork", "promiseWait");
        assertThat(timer(root, "promiseDue").getDuedate().toInstant()).isEqualTo(DUE);
        assertThat(instances(caseNumber, "committed-case")).isEqualTo(1);

        clock(at("2026-10-12T09:00"));
        assertThat(supplement(caseNumber, "LAYOUT_PLAN").statusCode()).isEqualTo(200);
        assertThat(record(caseNumber).supplementDue()).as("part of it keeps the date").isEqualTo(DUE);
        assertThat(notices.find(caseNumber, NoticeType.PROMISE, 2).orElseThrow().materials()).containsExactly("SAFETY_RULES");
        assertThat(supplement(caseNumber, "SAFETY_RULES").statusCode()).isEqualTo(200);

        CaseRecord kept = record(caseNumber);
        assertThat(kept.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(kept.missingMaterials()).isEmpty();
        assertThat(kept.supplementDue()).isNull();
        assertThat(kept.deadline()).as("the clock never stopped").isEqualTo(DUE);
        assertThat(management.createJobQuery().processInstanceId(root.getId()).activityId("promiseDue").count()).isZero();
        BpmnAwareTests.assertThat(root).isWaitingAt("caseWork").hasPassed("promiseKept", "promiseFulfilled");
        assertThat(details(caseNumber).path("supplementDue").isNull()).isTrue();
        assertError(supplement(caseNumber, "SAFETY_RULES"), 409, "NOT_WAITING_FOR_SUPPLEMENT");
    }

    @Test
    void aBrokenPromiseEndsTheCaseAsNotSupplementedWithItsWork() {
        String caseNumber = registerOnPromise("SJ-002", MAIN_ONLY);
        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
        ProcessInstance work = instance(caseNumber, "committed-case");
        Job due = timer(root, "promiseDue");

        fire(due, DUE.plus(Duration.ofMinutes(5)));

        CaseRecord terminated = record(caseNumber);
        assertThat(terminated.state()).isEqualTo(CaseState.TERMINATED);
        assertThat(events(caseNumber, "CASE_TERMINATED")).hasSize(1);
        assertThat(notices.find(caseNumber, NoticeType.TERMINATION, null).orElseThrow().materials())
                .containsExactly("LAYOUT_PLAN", "SAFETY_RULES");
        BpmnAwareTests.assertThat(root).isEnded().hasPassed("terminateBrokenPromise", "promiseBroken");
        BpmnAwareTests.assertThat(work).isEnded();
        assertThat(runningInstances(caseNumber)).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
    }

    @Test
    void aReviewSupplementOfAPromiseCaseOwesBothByOneDateAndBringingThemAllEndsThePromiseWatch() {
        String caseNumber = reviewAsksForTheLicenceAgain();
        CaseRecord paused = record(caseNumber);
        assertThat(paused.missingMaterials()).as("the promised ones stay owed beside the new one")
                .containsExactly("LAYOUT_PLAN", "SAFETY_RULES", "BUSINESS_LICENSE");
        assertThat(paused.supplementDue()).as("one 补正期限, the later").isEqualTo(REVIEW_DUE);
        assertThat(notices.find(caseNumber, NoticeType.SUPPLEMENT, null).orElseThrow().materials())
                .containsExactly("LAYOUT_PLAN", "SAFETY_RULES", "BUSINESS_LICENSE");
        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
        Job promiseDue = timer(root, "promiseDue");
        assertThat(promiseDue.getId()).as("the same job, moved").isEqualTo(promiseJob);
        assertThat(promiseDue.getDuedate().toInstant()).isEqualTo(REVIEW_DUE);
        assertThat(promiseDue.isSuspended()).isFalse();

        completeAs(CLERK, openTask(instance(caseNumber, "committed-case"), "receiveReviewSupplement"), Map.of("suppliedMaterials",
                org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"LAYOUT_PLAN\",\"SAFETY_RULES\",\"BUSINESS_LICENSE\"]").create()));

        CaseRecord resumed = record(caseNumber);
        assertThat(resumed.missingMaterials()).isEmpty();
        assertThat(resumed.supplementDue()).isNull();
        assertThat(resumed.pausedSince()).isNull();
        BpmnAwareTests.assertThat(root).hasPassed("promiseKept", "promiseFulfilled").isWaitingAt("caseWork");
        assertThat(management.createJobQuery().processInstanceId(root.getId()).activityId("promiseDue").count()).isZero();
    }

    @Test
    void whenTheSharedDateOfAPromiseCasesReviewSupplementPassesTheCaseEndsOnce() {
        String caseNumber = reviewAsksForTheLicenceAgain();
        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
        ProcessInstance work = instance(caseNumber, "committed-case");

        Job promiseDue = timer(root, "promiseDue");
        fire(timer(work, "reviewSupplementExpired"), REVIEW_DUE.plus(Duration.ofMinutes(5)));
        // the promise watch's timer, due at the same time, either finds the case ended or went with the root
        if (management.createJobQuery().jobId(promiseDue.getId()).count() > 0) {
            fire(promiseDue, REVIEW_DUE.plus(Duration.ofMinutes(6)));
        }

        assertThat(record(caseNumber).state()).isEqualTo(CaseState.TERMINATED);
        assertThat(events(caseNumber, "CASE_TERMINATED")).hasSize(1);
        assertThat(notices.find(caseNumber, NoticeType.TERMINATION, 2)).as("one termination notice").isEmpty();
        BpmnAwareTests.assertThat(root).isEnded();
        assertThat(runningInstances(caseNumber)).isZero();
    }

    /** Monday 2026-10-12 09:00: 10 working days for the reviewer's supplement end after the promise's 10-20. */
    static final Instant REVIEW_DUE = at("2026-10-26T17:30");
    private String promiseJob;

    /** A promise case in review whose reviewer asks for a corrected business licence. */
    private String reviewAsksForTheLicenceAgain() {
        String caseNumber = registerOnPromise("SJ-002", MAIN_ONLY);
        promiseJob = timer(instance(caseNumber, CaseProcesses.ROOT), "promiseDue").getId();
        ProcessInstance committed = instance(caseNumber, "committed-case");
        completeAs(CLERK, openTask(committed, "handOver"), Map.of());
        clock(at("2026-10-12T09:00"));
        completeAs("market-a", openTask(committed, "review"), Map.of("reviewOutcome", "SUPPLEMENT", "requestedMaterials",
                org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"BUSINESS_LICENSE\"]").create()));
        BpmnAwareTests.assertThat(committed).isWaitingAt("receiveReviewSupplement");
        return caseNumber;
    }

    @Test
    void aPromiseIsRefusedWhereItDoesNotApplyAndNothingIsStored() {
        long before = jdbc.queryForObject("select count(*) from case_record", Long.class);
        JsonNode unmarked = assertError(post("/api/cases", application("MZ-002", List.of("APPLICATION_FORM")), CLERK),
                400, "INVALID_FIELD");
        assertThat(unmarked.path("message").asText()).contains("acceptOnPromise", "不适用容缺受理");
        JsonNode complete = assertError(post("/api/cases", application("SJ-002", SJ_002), CLERK), 400, "INVALID_FIELD");
        assertThat(complete.path("message").asText()).contains("材料齐全, 无需容缺受理");
        JsonNode noMain = assertError(post("/api/cases", application("SJ-002", List.of("APPLICATION_FORM")), CLERK),
                400, "INVALID_FIELD");
        assertThat(noMain.path("message").asText()).contains("主件齐全");
        assertThat(jdbc.queryForObject("select count(*) from case_record", Long.class)).isEqualTo(before);
    }

    private String registerOnPromise(String item, List<String> materials) {
        HttpResponse<String> response = post("/api/cases", application(item, materials), CLERK);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String caseNumber = read(response).path("caseNumber").asText();
        track(caseNumber);
        return caseNumber;
    }

    private String application(String item, List<String> materials) {
        return jsonBody(Map.of("itemCode", item, "materials", materials, "acceptOnPromise", true,
                "applicant", Map.of("name", "赵小满", "idNumber", CaseRegistrationPostgresTest.idNumber("11010519900307123"),
                        "phone", "13800138000", "organization", "小满餐饮店")));
    }

    private HttpResponse<String> supplement(String caseNumber, String material) {
        return post("/api/cases/" + caseNumber + "/supplements", jsonBody(Map.of("materials", List.of(material))), CLERK);
    }
}
