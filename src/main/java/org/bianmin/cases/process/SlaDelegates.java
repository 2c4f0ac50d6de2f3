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
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

    @Bean("slaWarningDelegate")
    JavaDelegate slaWarning(CaseProcesses processes, CaseEventRepository events, CaseRepository cases) {
        return execution -> {
            String caseNumber = execution.getProcessBusinessKey();
            CaseRecord c = cases.find(caseNumber).orElseThrow();
            if (c.deadline() != null && !now().isBefore(c.deadline())) {
                // fired at or after the deadline (the executor was late, or down): the overdue step speaks for the case
                return;
            }
            // both timers may fire together (a late job executor): a warning never undoes an overdue
            processes.setEverywhere(caseNumber, "slaState", SlaState.running(now(), c.warnAt(), c.deadline()).name());
            events.record(CaseEventType.CASE_WARNING, caseNumber, assignees(processes, caseNumber),
                    ProcessVariables.string(execution, "window"), now(), "即将超期 / deadline approaching");
        };
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
