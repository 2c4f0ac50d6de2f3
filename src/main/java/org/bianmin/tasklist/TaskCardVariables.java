package org.bianmin.tasklist;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bianmin.engine.GlobalTaskListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sets the few values Tasklist shows on a task card (case number, item, masked applicant) on the
 * task itself. Clerks may read the tasks offered to them, not the process instances: with
 * authorization on, a filter's card variables of the instance would stay empty for them. A value the
 * process holds is copied; one it does not hold comes from the task's {@link TaskCardSource}.
 */
@Component
class TaskCardVariables implements GlobalTaskListener {

    private final ObjectProvider<TaskCardSource> sources;

    TaskCardVariables(ObjectProvider<TaskCardSource> sources) {
        this.sources = sources;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        if (execution == null) {
            return;
        }
        Map<String, Object> card = new LinkedHashMap<>();
        for (String name : TaskCardSource.NAMES) {
            Object value = execution.getVariable(name);
            if (value != null) {
                card.put(name, value);
            }
        }
        if (card.size() < TaskCardSource.NAMES.size()) {
            sources.orderedStream().forEach(source -> source.card(execution.getProcessBusinessKey()).ifPresent(found ->
                    TaskCardSource.NAMES.forEach(name -> {
                        if (found.get(name) != null) {
                            card.putIfAbsent(name, found.get(name));
                        }
                    })));
        }
        card.forEach(task::setVariableLocal);
    }
}
