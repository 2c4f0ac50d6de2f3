package org.bianmin.engine;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The note (办理情况/意见, variable {@code handlingNote}) of a step that asks for its own: when the
 * task is created the previous step's note (already in the history and used by its step) is cleared,
 * so the form opens empty; what the person writes becomes the process's note as any form field does.
 * BPMN calls it from a task listener: {@code ${taskNotes.fresh(task)}} on create.
 */
@Component("taskNotes")
public class TaskNotes {

    static final String NOTE = "handlingNote";

    /**
     * The variables in which a step's person writes what was done or decided. The value written in a
     * task is kept with the task in {@code task_record} (the case timeline shows it next to the step;
     * see {@code CompletedTaskRecorder}).
     */
    public static final Set<String> NOTE_VARIABLES = Set.of(NOTE, "opinion", "note", "filingNote");

    public void fresh(DelegateTask task) {
        // a first step has no note before it: nothing to clear, and no empty variable to create
        if (task.getExecution().hasVariable(NOTE)) {
            task.getExecution().setVariable(NOTE, null);
        }
    }
}
