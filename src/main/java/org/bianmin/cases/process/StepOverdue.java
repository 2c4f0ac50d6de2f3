package org.bianmin.cases.process;

import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** {@code ${stepOverdue.record(execution, 'HANDOVER_OVERDUE')}}: a timed step ran past its own limit. */
@Component("stepOverdue")
public class StepOverdue {

    private final CaseEventRepository events;

    public StepOverdue(CaseEventRepository events) {
        this.events = events;
    }

    public void record(DelegateExecution execution, String type) {
        String responsible = ProcessVariables.string(execution, "partDepartment");
        events.record(CaseEventType.valueOf(type), execution.getProcessBusinessKey(),
                responsible == null ? ProcessVariables.string(execution, "registeredBy") : null,
                responsible == null ? ProcessVariables.string(execution, "window") : responsible,
                ClockUtil.getCurrentTime().toInstant(), execution.getCurrentActivityName());
    }
}
