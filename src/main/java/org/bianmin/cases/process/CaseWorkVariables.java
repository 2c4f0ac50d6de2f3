package org.bianmin.cases.process;

import java.util.List;
import org.bianmin.cases.CaseProcesses;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What the case-type process ({@code committed-case}, {@code joint-case} …) called by the root's
 * work step receives: what its tasks, timers, forms and Tasklist columns read of the root's
 * variables, and nothing that only the root's gateways use, plus its own step limits and form
 * options, which the root does not hold. A variable the case does not have (a hand-over limit of a
 * case type without hand-over) is not created as an empty one. Nothing flows back: the outcome is
 * in the case record.
 */
@Component("caseWorkVariables")
class CaseWorkVariables implements DelegateVariableMapping {

    static final List<String> PASSED = List.of(
            // Tasklist's filters and the task forms' text (a task's card comes from the case record: CaseCards)
            "caseSummary", "slaState",
            // assignees (the intake window, the department and the window come with the work's own values)
            "registeredBy",
            // task due dates
            "deadline", "warnAt");

    private final CaseAtHand cases;
    private final CaseProcesses processes;

    CaseWorkVariables(CaseAtHand cases, CaseProcesses processes) {
        this.cases = cases;
        this.processes = processes;
    }

    @Override
    public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
        for (String name : PASSED) {
            TypedValue value = superExecution.getVariableTyped(name);
            if (value != null) {
                subVariables.putValueTyped(name, value);
            }
        }
        subVariables.putAll(processes.workStepVariables(cases.of(superExecution)));
    }

    @Override
    public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
        // the work's outcome is written to the case record by its own steps
    }
}
