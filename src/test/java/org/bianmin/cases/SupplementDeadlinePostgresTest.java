package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bianmin.notices.Notice;
import org.bianmin.notices.NoticeType;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * 补正期限: the supplement notice states until when the missing materials may be brought (the
 * hall-duty limit supplement.deadline, 10 working days); the root's timer on the supplement wait
 * ends the case as 逾期未补正 with a termination notice when it passes, and does nothing once the
 * materials are complete.
 */
class SupplementDeadlinePostgresTest extends CaseProcessTestSupport {

    /** SJ-002 without its layout plan and safety rules, registered Wednesday 2026-09-30 10:00. */
    static final List<String> SJ_002_INCOMPLETE = List.of("APPLICATION_FORM", "BUSINESS_LICENSE");
    /** 10 working days: 10-08, 10-09, 10-10 (调休上班), 10-12 … 10-16, 10-19, 10-20, until the close of office hours. */
    static final Instant DUE = at("2026-10-20T17:30");

    @Test
    void theNoticeStatesTheDeadlineAndTheCaseEndsAsNotSupplementedWhenItPasses() {
        String caseNumber = register("SJ-002", SJ_002_INCOMPLETE);
        CaseRecord waiting = record(caseNumber);
        assertThat(waiting.state()).isEqualTo(CaseState.WAITING_SUPPLEMENT);
        assertThat(waiting.supplementDue()).isEqualTo(DUE);
        assertThat(read(get("/api/cases/" + caseNumber, CLERK, DEMO_PASSWORD)).path("supplementDue").asText())
                .isEqualTo("2026-10-20T17:30:00+08:00");

        Notice notice = notices.find(caseNumber, NoticeType.SUPPLEMENT, null).orElseThrow();
        assertThat(notice.details()).containsEntry("补正期限", "2026年10月20日 17:30前");
        assertThat(notice.details().get("补正期限依据")).contains("一次性告知制", "10个工作日");
        HttpResponse<String> printed = get("/api/cases/" + caseNumber + "/notices/supplement", CLERK, DEMO_PASSWORD, "text/html");
        assertThat(printed.body()).contains("2026年10月20日 17:30前", "逾期未补正的，本中心将终止办理并书面告知");

        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
        Job expiry = timer(root, "supplementExpired");
        assertThat(expiry.getDuedate().toInstant()).isEqualTo(DUE);
        assertThat((String) runtime.getVariable(instance(caseNumber, CaseProcesses.SUPPLEMENT).getId(), "caseSummary"))
                .as("the clerk's task says it too").contains("**补正期限**: 2026年10月20日 17:30前");

        fire(expiry, DUE.plus(Duration.ofMinutes(1)));

        CaseRecord terminated = record(caseNumber);
        assertThat(terminated.state()).isEqualTo(CaseState.TERMINATED);
        assertThat(terminated.state().label()).isEqualTo("逾期未补正, 终止办理");
        assertThat(terminated.endedAt()).isEqualTo(DUE.plus(Duration.ofMinutes(1)));
        assertThat(terminated.pausedSince()).isNull();
        assertThat(events(caseNumber, "CASE_TERMINATED")).containsExactly("补正期限已过, 申请人未补齐材料");
        Notice termination = notices.find(caseNumber, NoticeType.TERMINATION, null).orElseThrow();
        assertThat(termination.materials()).containsExactly("LAYOUT_PLAN", "SAFETY_RULES");
        assertThat(termination.details()).containsEntry("补正期限", "2026年10月20日 17:30前");
        assertThat(get("/api/cases/" + caseNumber + "/notices/termination", CLERK, DEMO_PASSWORD, "text/html").body())
                .contains("终止办理告知书", "经营场所平面图及设备布局图", "食品安全管理制度文本", "本中心终止办理本次申请");
        BpmnAwareTests.assertThat(root).isEnded().hasPassed("terminateUnsupplied", "caseTerminated").hasNotPassed("caseWork");
        assertThat(runningInstances(caseNumber)).as("the supplement wait ended with the root").isZero();
        assertThat(read(get("/api/cases/" + caseNumber, CLERK, DEMO_PASSWORD)).path("supplementDue").isNull()).isTrue();
    }

    @Test
    void partOfTheMaterialsKeepsTheDeadlineAndAllOfThemEndIt() {
        String caseNumber = register("SJ-002", SJ_002_INCOMPLETE);
        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
        clock(at("2026-10-12T09:00"));

        assertThat(supplement(caseNumber, "LAYOUT_PLAN").statusCode()).isEqualTo(200);
        assertThat(record(caseNumber).supplementDue()).as("a partial supplement does not move it").isEqualTo(DUE);
        Notice second = notices.find(caseNumber, NoticeType.SUPPLEMENT, 2).orElseThrow();
        assertThat(second.materials()).containsExactly("SAFETY_RULES");
        assertThat(second.details()).containsEntry("补正期限", "2026年10月20日 17:30前");
        assertThat(timer(root, "supplementExpired").getDuedate().toInstant()).isEqualTo(DUE);

        assertThat(supplement(caseNumber, "SAFETY_RULES").statusCode()).isEqualTo(200);
        CaseRecord complete = record(caseNumber);
        assertThat(complete.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(complete.supplementDue()).isNull();
        assertThat(management.createJobQuery().processInstanceId(root.getId()).activityId("supplementExpired").count()).isZero();
        BpmnAwareTests.assertThat(root).isWaitingAt("caseWork");
        assertThat(instances(caseNumber, "committed-case")).isEqualTo(1);
        assertThat(read(get("/api/cases/" + caseNumber, CLERK, DEMO_PASSWORD)).path("supplementDue").isNull()).isTrue();
    }

    private HttpResponse<String> supplement(String caseNumber, String material) {
        return post("/api/cases/" + caseNumber + "/supplements", jsonBody(java.util.Map.of("materials", List.of(material))), CLERK);
    }
}
