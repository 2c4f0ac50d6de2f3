package org.bianmin.cases.process;

import org.bianmin.cases.CaseRecord;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${stepOverdue.record(execution, 'HANDOVER_OVERDUE')}}: a timed step ran past its own limit,
 * recorded against the joint part's department, else the clerk who registered the case and the
 * case's window, from its record (not every case type's work holds the window).
 */
@Component("stepOverdue")
public class StepOverdue {

    private final CaseEventRepository events;
    private final CaseAtHand cases;

    StepOverdue(CaseEventRepository events, CaseAtHand cases) {
        this.events = events;
        this.cases = cases;
    }

    public void record(DelegateExecution execution, String type) {
        String responsible = ProcessVariables.string(execution, "partDepartment");
        CaseRecord c = responsible == null ? cases.of(execution) : null;
        events.record(CaseEventType.valueOf(type), execution.getProcessBusinessKey(),
                c == null ? null : c.registeredBy(), c == null ? responsible : c.window(),
                ClockUtil.getCurrentTime().toInstant(), execution.getCurrentActivityName());
    }
}
