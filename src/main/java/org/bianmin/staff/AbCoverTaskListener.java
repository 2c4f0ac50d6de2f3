package org.bianmin.staff;

import org.bianmin.engine.GlobalTaskListener;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** A task created for an absent A person goes to the B person ({@link TaskCover#onCreate}). */
@Component
class AbCoverTaskListener implements GlobalTaskListener {

    private final ObjectProvider<TaskCover> cover;

    AbCoverTaskListener(ObjectProvider<TaskCover> cover) {
        this.cover = cover;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
        cover.getObject().onCreate(task);
    }
}
