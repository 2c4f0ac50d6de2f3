package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bianmin.sla.SlaState;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** A reviewer asks for a supplement: the clock pauses, one-time-notification breaches are recorded, the deadline moves. */
class ReviewSupplementPostgresTest extends CaseProcessTestSupport {

    @Test
    void reviewSupplementPausesTheClockAndRecordsMaterialsTheFirstNoticeDidNotName() {
        // SJ-002 registered with a missing general material: the first supplement notice names SAFETY_RULES only
        String caseNumber = register("SJ-002", java.util.List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "LAYOUT_PLAN"));
        ProcessInstance supplement = instance(caseNumber, CaseProcesses.SUPPLEMENT);
        completeAs(CLERK, openTask(supplement, "receiveSupplement"),
                Map.of("suppliedMaterials", SpinValues.jsonValue("[\"SAFETY_RULES\"]").create()));
        ProcessInstance committed = instance(caseNumber, "committed-case");
        CaseRecord accepted = record(caseNumber);
        completeAs(CLERK, openTask(committed, "handOver"), Map.of("handlingNote", "移交"));
        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
        Job deadlineTimer = timer(root, "deadlineTime");
        Job warningTimer = timer(root, "warningTime");

        // Thu 2026-10-08 10:00 the reviewer asks for the layout plan (not named) and the safety rules (named)
        clock(at("2026-10-08T10:00"));
        completeAs("market-a", openTask(committed, "review"), Map.of("reviewOutcome", "SUPPLEMENT",
                "requestedMaterials", SpinValues.jsonValue("[\"LAYOUT_PLAN\",\"SAFETY_RULES\"]").create()));
        BpmnAwareTests.assertThat(committed).isWaitingAt("receiveReviewSupplement");
        assertThat(events(caseNumber, "SUPPLEMENT_NOT_NOTIFIED")).hasSize(1).first().asString().contains("LAYOUT_PLAN");
        assertThat(jdbc.queryForObject("select staff from case_event where case_number = ? and event_type = 'SUPPLEMENT_NOT_NOTIFIED'",
                String.class, caseNumber)).isEqualTo(CLERK);
        assertThat(jdbc.queryForObject("select count(*) from accountability_record where case_number = ? and trigger_type = 'SUPPLEMENT_NOT_NOTIFIED'",
                Integer.class, caseNumber)).isEqualTo(1);
        assertThat(runtime.getVariable(committed.getId(), "slaState")).isEqualTo(SlaState.PAUSED.name());
        assertThat(timer(root, "deadlineTime").isSuspended()).as("the clock stands: the deadline timer is suspended").isTrue();
        assertThat(timer(root, "deadlineTime").getDuedate()).isEqualTo(deadlineTimer.getDuedate());
        assertThat(notices.find(caseNumber, org.bianmin.notices.NoticeType.SUPPLEMENT, null).orElseThrow().materials())
                .containsExactly("LAYOUT_PLAN", "SAFETY_RULES");

        // the applicant returns Fri 2026-10-09 10:00: one working day (450 minutes) paused
        clock(at("2026-10-09T10:00"));
        completeAs(CLERK, openTask(committed, "receiveReviewSupplement"),
                Map.of("suppliedMaterials", SpinValues.jsonValue("[\"LAYOUT_PLAN\",\"SAFETY_RULES\"]").create()));
        BpmnAwareTests.assertThat(committed).isWaitingAt("review");
        CaseRecord resumed = record(caseNumber);
        assertThat(resumed.pausedSince()).isNull();
        // the deadline moves on by one working day: from the close of Oct 20 to the close of Oct 21
        assertThat(accepted.deadline()).isEqualTo(at("2026-10-20T17:30"));
        assertThat(resumed.deadline()).isEqualTo(at("2026-10-21T17:30"));
        assertThat(resumed.pausedMinutes()).isEqualTo(accepted.pausedMinutes() + 450);
        assertThat(openTask(committed, "review").getDueDate().toInstant()).isEqualTo(resumed.deadline());
        Job movedDeadline = timer(root, "deadlineTime");
        assertThat(movedDeadline.getId()).as("the same timer job, moved in place").isEqualTo(deadlineTimer.getId());
        assertThat(movedDeadline.getDuedate().toInstant()).isEqualTo(resumed.deadline());
        assertThat(movedDeadline.isSuspended()).as("the clock runs again").isFalse();
        assertThat(timer(root, "warningTime").getId()).isEqualTo(warningTimer.getId());
        assertThat(timer(root, "warningTime").getDuedate().toInstant()).isEqualTo(resumed.warnAt());
        assertThat(runtime.getVariable(committed.getId(), "caseSummary").toString()).contains("截止 2026年10月21日 17:30");
        assertThat(runningInstances(caseNumber)).isEqualTo(1);
        // the timeline says when the clock stood and what it gave
        assertThat(events(caseNumber, "CLOCK_PAUSED")).containsExactly("等待补正材料, 办结时限暂停计算");
        assertThat(events(caseNumber, "CLOCK_RESUMED")).as("the intake supplement came at once; the review one a day later")
                .containsExactly("材料已补齐, 办结时限至2026年10月20日 17:30", "暂停450个工作分钟, 办结时限顺延至2026年10月21日 17:30");
    }
    @Test
    void aReviewSupplementHasItsDeadlineAndTheCaseEndsWhenItPasses() {
        String caseNumber = register("SJ-002", SJ_002);
        ProcessInstance committed = instance(caseNumber, "committed-case");
        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
        completeAs(CLERK, openTask(committed, "handOver"), Map.of("handlingNote", "移交"));

        clock(at("2026-10-08T10:00"));
        completeAs("market-a", openTask(committed, "review"), Map.of("reviewOutcome", "SUPPLEMENT",
                "requestedMaterials", SpinValues.jsonValue("[\"SAFETY_RULES\"]").create()));
        // 10 working days from Thu 10-08: 10-09, 10-10 (调休上班), 10-12 … 10-16, 10-19, 10-20, 10-21
        java.time.Instant due = at("2026-10-21T17:30");
        assertThat(record(caseNumber).supplementDue()).isEqualTo(due);
        assertThat(notices.find(caseNumber, org.bianmin.notices.NoticeType.SUPPLEMENT, null).orElseThrow().details())
                .containsEntry("补正期限", "2026年10月21日 17:30前");
        assertThat(details(caseNumber).path("supplementDue").asText()).isEqualTo("2026-10-21T17:30:00+08:00");
        Job expiry = timer(committed, "reviewSupplementExpired");
        assertThat(expiry.getDuedate().toInstant()).isEqualTo(due);

        fire(expiry, due.plusSeconds(60));

        CaseRecord terminated = record(caseNumber);
        assertThat(terminated.state()).isEqualTo(CaseState.TERMINATED);
        assertThat(notices.find(caseNumber, org.bianmin.notices.NoticeType.TERMINATION, null).orElseThrow().materials())
                .containsExactly("SAFETY_RULES");
        BpmnAwareTests.assertThat(committed).isEnded().hasPassed("terminateUnsuppliedInReview", "reviewTerminated");
        BpmnAwareTests.assertThat(root).isEnded().hasPassed("caseEnded").hasNotPassed("denialFiling");
        assertThat(runningInstances(caseNumber)).isZero();
    }
}
