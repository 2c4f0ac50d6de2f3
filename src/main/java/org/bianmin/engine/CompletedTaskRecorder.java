package org.bianmin.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Writes each completed user task of a process with a business key to {@code task_record}, in the
 * completing transaction: who did it (the assignee, else the person completing it) and the note
 * written in it. The case file reads this record, not the engine's history, which is cleaned.
 */
@Component
class CompletedTaskRecorder implements GlobalTaskListener {

    private final TaskRecords records;

    CompletedTaskRecorder(TaskRecords records) {
        this.records = records;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_COMPLETE;
    }

    @Override
    public void notify(DelegateTask task) {
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (businessKey == null || businessKey.isBlank()) {
            return;
        }
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            throw new ProcessEngineException("a task completes outside an engine command");
        }
        String activityInstanceId = task.getExecution().getActivityInstanceId();
        String note = command.getSession(TaskNoteSession.class).of(task.getId(), activityInstanceId);
        String by = task.getAssignee() != null ? task.getAssignee() : command.getAuthenticatedUserId();
        records.insert(new TaskRecords.TaskRecord(task.getId(), businessKey, task.getName(), ClockUtil.getCurrentTime().toInstant(),
                by, note == null || note.isBlank() ? null : note.strip()));
    }
}
