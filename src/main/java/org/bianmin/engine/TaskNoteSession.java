package org.bianmin.engine;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The notes people wrote in the current engine command, by task (or, for a note the form puts on
 * the process, by the task's activity instance): the history handler sees each value as it is
 * set, the completion listener takes the one of its task. It lives as long as one command.
 */
final class TaskNoteSession implements Session {

    private final Map<String, String> notes = new HashMap<>();

    void written(String taskId, String activityInstanceId, String note) {
        if (taskId != null) {
            notes.put(taskId, note);
        }
        if (activityInstanceId != null) {
            notes.put(activityInstanceId, note);
        }
    }

    String of(String taskId, String activityInstanceId) {
        String note = notes.get(taskId);
        return note != null || activityInstanceId == null ? note : notes.get(activityInstanceId);
    }

    @Override
    public void flush() {
        // nothing to write: the notes are read within the command
    }

    @Override
    public void close() {
        notes.clear();
    }

    static final class Factory implements SessionFactory {
        @Override
        public Class<?> getSessionType() {
            return TaskNoteSession.class;
        }

        @Override
        public Session openSession() {
            return new TaskNoteSession();
        }
    }
}
