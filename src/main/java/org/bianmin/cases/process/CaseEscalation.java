package org.bianmin.cases.process;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bianmin.cases.CaseRecord;
import org.bianmin.identity.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Who an overdue case's 督办 task is offered to ({@code ${caseEscalation.groups(execution)}}): the
 * supervisors, and the directors too where the time-limit row that decided the case says so
 * (超期另报中心领导) — read from the case record as the task is created. The roots of earlier
 * definitions read the variable {@code escalationGroups} instead, which their work step still sets.
 */
@Component("caseEscalation")
public class CaseEscalation {

    /** The variable the 督办 task of earlier root definitions reads. */
    static final String VARIABLE = "escalationGroups";
    private static final String TASK = "superviseOverdue";

    private final CaseAtHand cases;
    /** By process definition id: whether its 督办 task reads {@link #VARIABLE}. */
    private final Map<String, Boolean> readsVariable = new ConcurrentHashMap<>();

    CaseEscalation(CaseAtHand cases) {
        this.cases = cases;
    }

    public String groups(DelegateExecution execution) {
        return groups(cases.of(execution));
    }

    static String groups(CaseRecord record) {
        return String.join(",", record.escalateToDirectors() ? List.of(Groups.SUPERVISORS, Groups.DIRECTORS) : List.of(Groups.SUPERVISORS));
    }

    /** Whether the root {@code execution} runs on an earlier definition, whose 督办 task reads {@link #VARIABLE}. */
    boolean readsVariable(DelegateExecution execution) {
        return readsVariable.computeIfAbsent(execution.getProcessDefinitionId(), id -> {
            UserTask task = execution.getBpmnModelInstance().getModelElementById(TASK);
            return task != null && ("${" + VARIABLE + "}").equals(task.getCamundaCandidateGroups());
        });
    }
}
