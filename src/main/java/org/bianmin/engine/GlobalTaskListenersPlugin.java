package org.bianmin.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs every {@link GlobalTaskListener} bean on every user task at deployment parse time. The
 * beans are looked up when a task event happens, not when the engine is configured, because they
 * use engine services themselves.
 */
@Component
class GlobalTaskListenersPlugin extends AbstractProcessEnginePlugin {

    private static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_COMPLETE);

    private final ObjectProvider<GlobalTaskListener> listeners;
    /** Looked up once, at the first task event (the beans need the engine, so not at configuration time). */
    private volatile List<GlobalTaskListener> resolved;

    GlobalTaskListenersPlugin(ObjectProvider<GlobalTaskListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    for (String event : EVENTS) {
                        behavior.getTaskDefinition().addTaskListener(event, task -> dispatch(event, task));
                    }
                }
            }
        });
    }

    private void dispatch(String event, org.camunda.bpm.engine.delegate.DelegateTask task) {
        List<GlobalTaskListener> all = resolved;
        if (all == null) {
            all = listeners.orderedStream().toList();
            resolved = all;
        }
        for (GlobalTaskListener listener : all) {
            if (listener.event().equals(event)) {
                listener.notify(task);
            }
        }
    }
}
