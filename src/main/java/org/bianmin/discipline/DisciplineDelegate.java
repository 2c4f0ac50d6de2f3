package org.bianmin.discipline;

import org.bianmin.engine.ActingUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 考勤纪律登记 from the Tasklist form: the same checks as {@code POST /api/discipline-events}. */
@Component("recordDisciplineDelegate")
class DisciplineDelegate implements JavaDelegate {

    private final DisciplineService discipline;
    private final ActingUser actor;

    DisciplineDelegate(DisciplineService discipline, ActingUser actor) {
        this.discipline = discipline;
        this.actor = actor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String by = actor.of(execution, "recordedBy");
        DisciplineEvent event = discipline.record(string(execution, "staff"), string(execution, "type"),
                string(execution, "occurredAt"), string(execution, "note"), by);
        execution.setProcessBusinessKey("DIS-" + event.id());
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
