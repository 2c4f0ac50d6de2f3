package org.bianmin.tasklist;

import java.util.List;
import org.bianmin.engine.GlobalTaskListener;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Copies the few values Tasklist shows on a task card (case number, item, masked applicant) into
 * the task's own variables. Clerks may read the tasks offered to them, not the process instances:
 * with authorization on, a filter's card variables of the instance would stay empty for them.
 */
@Component
class TaskCardVariables implements GlobalTaskListener {

    /** The card columns of {@link TasklistFilters} that come from the process instance. */
    static final List<String> NAMES = List.of("caseNumber", "itemName", "applicant");

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
        for (String name : NAMES) {
            Object value = task.getExecution() == null ? null : task.getExecution().getVariable(name);
            if (value != null) {
                task.setVariableLocal(name, value);
            }
        }
    }
}
