package org.bianmin.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A task listener that applies to every user task of every process (A/B cover, task-card
 * variables, separation of duties); a Spring bean of this type is enough to install one.
 */
public interface GlobalTaskListener {

    /** {@code TaskListener.EVENTNAME_CREATE}, {@code EVENTNAME_COMPLETE}, ... */
    String event();

    void notify(DelegateTask task);
}
