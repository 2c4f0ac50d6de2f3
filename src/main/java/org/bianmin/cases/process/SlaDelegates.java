package org.bianmin.cases.process;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.bianmin.cases.CaseRecord;
import org.bianmin.cases.CaseRepository;
import org.bianmin.cases.CaseProcesses;
import org.bianmin.cases.CaseSummary;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.sla.SlaState;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SLA timers' steps (boundary timers on the work step of the case's root process): at the warning time the case turns WARNING (its assignees see it in
 * their 即将超期 filter); at the deadline OVERDUE, with an event saying whether an extension was
 * approved or a delay notice issued, and a supervision task for the escalation groups.
 */
@Configuration
class SlaDelegates {

    /** The warning step of roots deployed before {@link #slaWarningOrDeadline}: past the deadline it leaves the case to the deadline's timer. */
    @Bean("slaWarningDelegate")
    JavaDelegate slaWarning(CaseProcesses processes, CaseEventRepository events, CaseRepository cases) {
        return execution -> warn(execution, processes, events, cases);
    }

    /**
     * The warning step. When the deadline is due as well (the job executor was down, or behind), the
     * warning is moot and this job does the deadline's work too: it removes the deadline's waiting
     * timer and the root's gateway leads on to 记录超期 ({@code slaStep} OVERDUE), one job instead of
     * two. If the deadline's timer fired first, or another node holds it, nothing is left to do here.
     */
    @Bean("slaWarningOrDeadlineDelegate")
    JavaDelegate slaWarningOrDeadline(CaseProcesses processes, CaseEventRepository events, CaseRepository cases) {
        return execution -> {
            SlaStep step = warn(execution, processes, events, cases);
            if (step == SlaStep.LATE) {
                step = takeOverDueDeadline(execution) ? SlaStep.OVERDUE : SlaStep.NONE;
            }
            // transient: read by the gateway after this step, never stored
            execution.setVariableLocal(SLA_STEP, Variables.stringValue(step.name(), true));
        };
    }

    /** What the warning step did, for the root's gateway after it. */
    enum SlaStep {
        /** The case turned WARNING. */
        WARNING,
        /** The deadline was due too: left to its timer ({@link #slaWarning}) or taken over. */
        LATE,
        /** The deadline's timer was taken over: 记录超期 follows. */
        OVERDUE,
        /** Past the deadline, whose timer already fired or is held elsewhere. */
        NONE
    }

    static final String SLA_STEP = "slaStep";
    static final String DEADLINE_TIMER = "deadlineTime";

    private static SlaStep warn(DelegateExecution execution, CaseProcesses processes, CaseEventRepository events, CaseRepository cases) {
        String caseNumber = execution.getProcessBusinessKey();
        CaseRecord c = cases.find(caseNumber).orElseThrow();
        if (c.deadline() != null && !now().isBefore(c.deadline())) {
            return SlaStep.LATE;
        }
        // both timers may fire together (a late job executor): a warning never undoes an overdue
        processes.setEverywhere(caseNumber, "slaState", SlaState.running(now(), c.warnAt(), c.deadline()).name());
        events.record(CaseEventType.CASE_WARNING, caseNumber, assignees(processes, caseNumber),
                ProcessVariables.string(execution, "window"), now(), "即将超期 / deadline approaching");
        return SlaStep.WARNING;
    }

    /**
     * Removes the deadline's timer of the work step this warning fired on, when it is due and not held
     * by another job executor. Held by this one, it is the next job of this batch, which then finds it
     * gone and skips it (the engine's handling of a job whose activity ended after its acquisition).
     */
    private static boolean takeOverDueDeadline(DelegateExecution execution) {
        CommandContext command = Context.getCommandContext();
        JobExecutorContext executor = Context.getJobExecutorContext();
        String ourLock = executor == null || executor.getCurrentJob() == null ? null : executor.getCurrentJob().getLockOwner();
        Date now = ClockUtil.getCurrentTime();
        for (JobEntity job : command.getJobManager().findJobsByProcessInstanceId(execution.getProcessInstanceId())) {
            if (job instanceof TimerEntity && DEADLINE_TIMER.equals(job.getActivityId()) && job.getDuedate() != null
                    && !job.getDuedate().after(now) && (job.getLockOwner() == null || job.getLockOwner().equals(ourLock)
                    || job.getLockExpirationTime() == null || job.getLockExpirationTime().before(now))) {
                job.delete();
                return true;
            }
        }
        return false;
    }

    @Bean("slaOverdueDelegate")
    JavaDelegate slaOverdue(CaseProcesses processes, CaseEventRepository events, CaseRepository cases,
                            CaseSummary summary) {
        return execution -> {
            String caseNumber = execution.getProcessBusinessKey();
            CaseRecord c = cases.find(caseNumber).orElseThrow();
            processes.setEverywhere(caseNumber, "slaState", SlaState.OVERDUE.name());
            events.record(CaseEventType.CASE_OVERDUE, caseNumber, assignees(processes, caseNumber), c.window(), now(),
                    CaseEventRepository.CaseEvent.overdueDetails(
                            c.extensionDays() > 0, c.delayNotice(), c.lateAtRegistration()));
            execution.setVariable("caseSummary", summary.markdown(c));
        };
    }

    /** Who holds the case's open tasks (comma-separated), or null when nobody has claimed them. */
    private static String assignees(CaseProcesses processes, String caseNumber) {
        List<Task> open = processes.openTasks(caseNumber);
        String names = open.stream().filter(t -> !t.getTaskDefinitionKey().equals("superviseOverdue")).map(Task::getAssignee).filter(a -> a != null).distinct().collect(Collectors.joining(","));
        return names.isEmpty() ? null : names;
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
