package org.bianmin.benchmark;

import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Bianmin's own case root ({@code case-intake}) and committed-case work, deployed under other keys
 * with every piece of Bianmin logic taken out: each service step does nothing ({@code ${true}}),
 * no task or execution listener, and the work receives by plain {@code camunda:in} the values its
 * tasks and timers read instead of Bianmin's variable mapping. Same activities, gateways, tasks,
 * timers, message boundaries and event sub-process as the case runs; the engine's cost of that
 * shape, with the values its expressions need and nothing else.
 */
final class SameShapeProcesses {

    static final String ROOT = "bench-shape-root";
    private static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_DELETE);
    static final String WORK = "bench-shape-case";
    /** Where a registered case's root starts (CaseProcesses.REGISTERED). */
    static final String REGISTERED = "registrationOutcome";
    /** The values the work's tasks (assignment, due dates) and timers read. */
    static final List<String> WORK_VALUES = List.of("intakeWindow", "registeredBy", "department", "handoverDue", "deadline", "warnAt");

    private SameShapeProcesses() {
    }

    static void deploy(RepositoryService repository, int historyTimeToLive) {
        BpmnModelInstance root = withoutLogic(read("case-intake"), "case-intake", ROOT, historyTimeToLive);
        for (CallActivity call : root.getModelElementsByType(CallActivity.class)) {
            if ("caseWork".equals(call.getId())) {
                call.removeAttributeNs(CAMUNDA_NS, "variableMappingDelegateExpression");
                for (String name : WORK_VALUES) {
                    CamundaIn in = root.newInstance(CamundaIn.class);
                    in.setCamundaSource(name);
                    in.setCamundaTarget(name);
                    call.getExtensionElements().addChildElement(in);
                }
            }
        }
        BpmnModelInstance work = withoutLogic(read("committed-case"), "committed-case", WORK, historyTimeToLive);
        repository.createDeployment().name("benchmark: Bianmin's case shape without its logic")
                .addModelInstance(ROOT + ".bpmn", root).addModelInstance(WORK + ".bpmn", work).deploy();
    }

    /**
     * Takes Bianmin's global task listeners (GlobalTaskListenersPlugin: A/B cover, task card, task
     * record) off the user tasks of the deployed bare definitions {@code keys}, so that a bare task
     * runs none of Bianmin's logic. Their BPMN has no listener of its own, so all listeners are those.
     */
    static void withoutGlobalTaskListeners(RepositoryService repository, String... keys) {
        for (String key : keys) {
            // the engine runs the merged list of the built-in and the other listeners, kept apart from both
            deployed(repository, key).getTaskDefinitions().values().forEach(task -> {
                task.getTaskListeners().forEach((event, listeners) -> {
                    List<TaskListener> all = task.getAllTaskListenersForEvent(event);
                    if (all != null) {
                        all.removeAll(listeners);
                    }
                });
                task.getTaskListeners().clear();
            });
        }
    }

    /**
     * Fails when a user task of the bare definitions {@code keys} has a listener again: the engine
     * parsed a definition anew (its cache entry replaced), so the bare side ran Bianmin's logic.
     */
    static void assertWithoutGlobalTaskListeners(RepositoryService repository, String... keys) {
        for (String key : keys) {
            deployed(repository, key).getTaskDefinitions().forEach((task, taskDefinition) -> {
                if (!added(taskDefinition).isEmpty()) {
                    throw new IllegalStateException("the bare definition " + key + " has task listeners again on " + task
                            + ": " + added(taskDefinition));
                }
            });
        }
    }

    /** The engine's parsed definition of the latest version of {@code key}, the one its instances run. */
    private static ProcessDefinitionEntity deployed(RepositoryService repository, String key) {
        var definition = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
        return (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository).getDeployedProcessDefinition(definition.getId());
    }

    /** The listeners a task runs beyond the engine's built-in ones. */
    private static List<TaskListener> added(TaskDefinition task) {
        List<TaskListener> added = new ArrayList<>();
        for (String event : EVENTS) {
            List<TaskListener> all = task.getAllTaskListenersForEvent(event);
            List<TaskListener> builtin = task.getBuiltinTaskListenersForEvent(event);
            if (all != null) {
                all.stream().filter(listener -> builtin == null || !builtin.contains(listener)).forEach(added::add);
            }
        }
        return added;
    }

    /** What the root's gateways, call and timers read, and what it hands to the work. */
    static VariableMap variables(Date deadline, Date warnAt, Date handoverDue) {
        return Variables.createVariables().putValue("disposition", "ACCEPTED").putValue("caseProcessKey", WORK)
                .putValue("intakeWindow", "window-market").putValue("registeredBy", "clerk").putValue("department", "dept-market")
                .putValue("handoverDue", handoverDue).putValue("deadline", deadline).putValue("warnAt", warnAt);
    }

    private static BpmnModelInstance read(String key) {
        try (InputStream in = Files.newInputStream(Path.of("processes", key + ".bpmn"))) {
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BpmnModelInstance withoutLogic(BpmnModelInstance model, String key, String newKey, int historyTimeToLive) {
        Process process = model.getModelElementById(key);
        process.setId(newKey);
        process.setCamundaHistoryTimeToLive(historyTimeToLive);
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            task.removeAttributeNs(CAMUNDA_NS, "delegateExpression");
            task.setCamundaExpression("${true}");
        }
        List<ModelElementInstance> listeners = new ArrayList<>();
        listeners.addAll(model.getModelElementsByType(CamundaTaskListener.class));
        listeners.addAll(model.getModelElementsByType(CamundaExecutionListener.class));
        for (ModelElementInstance listener : listeners) {
            ((ExtensionElements) listener.getParentElement()).removeChildElement(listener);
        }
        return model;
    }
}
