package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * A case's warning and deadline fall due together when the job executor was down or behind. The
 * warning that fires past the deadline then does the deadline's work as well (记录超期, 督办) and
 * removes the deadline's timer: one job instead of two, and the case is overdue once, whichever of
 * the two timers the job executor runs first.
 */
class SlaTimersDueTogetherPostgresTest extends CaseProcessTestSupport {

    @Test
    void theWarningFiredPastTheDeadlineMarksTheCaseOverdueAndRemovesTheDeadlinesTimer() {
        SlaTimers c = committedCase();
        String caseNumber = c.caseNumber();
        ProcessInstance root = c.root();

        fire(c.warning(), c.deadline().getDuedate().toInstant().plusSeconds(60));

        assertThat(management.createJobQuery().processInstanceId(root.getId()).timers().count())
                .as("neither SLA timer is left").isZero();
        assertThat(events(caseNumber, "CASE_WARNING")).as("a warning past the deadline is moot").isEmpty();
        assertThat(events(caseNumber, "CASE_OVERDUE")).hasSize(1);
        assertThat(runtime.getVariable(root.getId(), "slaState")).isEqualTo("OVERDUE");
        assertThat(runtime.getVariable(instance(caseNumber, "committed-case").getId(), "slaState"))
                .as("the work's Tasklist filters too").isEqualTo("OVERDUE");
        assertThat(openTask(root, "superviseOverdue").getName()).isEqualTo("督办超期案件");
        BpmnAwareTests.assertThat(root).hasPassed("warningTime", "warn", "markOverdue").hasNotPassed("deadlineTime", "warned");
        assertThat(runtime.getVariable(root.getId(), "slaStep")).as("the gateway's transient variable is not stored").isNull();
        assertThat(jdbc.queryForObject("select count(*) from accountability_record where case_number = ?", Integer.class,
                caseNumber)).as("the overdue's accountability record, once").isEqualTo(1);
    }

    @Test
    void aDeadlineThatFiredFirstLeavesTheWarningNothingToDo() {
        SlaTimers c = committedCase();
        String caseNumber = c.caseNumber();
        ProcessInstance root = c.root();
        Instant late = c.deadline().getDuedate().toInstant().plusSeconds(60);

        fire(c.deadline(), late);
        fire(c.warning(), late.plusSeconds(1));

        assertThat(events(caseNumber, "CASE_WARNING")).isEmpty();
        assertThat(events(caseNumber, "CASE_OVERDUE")).as("overdue once").hasSize(1);
        assertThat(tasks.createTaskQuery().processInstanceId(root.getId()).taskDefinitionKey("superviseOverdue").count()).isEqualTo(1);
        BpmnAwareTests.assertThat(root).hasPassed("deadlineTime", "markOverdue", "warn", "warned");
    }

    /** A committed case registered now, its root and the two SLA timers on the root's work step. */
    private record SlaTimers(String caseNumber, ProcessInstance root, Job warning, Job deadline) {
    }

    private SlaTimers committedCase() {
        String caseNumber = register("SJ-002", OverdueEscalationPostgresTest.SJ002_ALL_MATERIALS);
        ProcessInstance root = instance(caseNumber, CaseProcesses.ROOT);
        return new SlaTimers(caseNumber, root, timer(root, "warningTime"), timer(root, "deadlineTime"));
    }
}
