package org.bianmin.cases.process;

import org.bianmin.engine.ActingUser;
import org.bianmin.cases.CaseLifecycle;
import org.bianmin.cases.CaseState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 办结并告知: ends the case as approved (COMPLETED) or refused (REJECTED, then denial filing) by the
 * {@code approved} form variable and issues the result notice; the case's instances get the final
 * SLA state (MET or BREACHED).
 */
@Component("completeCaseDelegate")
public class CompleteCaseDelegate implements JavaDelegate {

    private final CaseLifecycle lifecycle;
    private final ActingUser actor;

    public CompleteCaseDelegate(CaseLifecycle lifecycle, ActingUser actor) {
        this.lifecycle = lifecycle;
        this.actor = actor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Boolean approved = ProcessVariables.bool(execution, "approved");
        lifecycle.end(execution.getProcessBusinessKey(),
                Boolean.FALSE.equals(approved) ? CaseState.REJECTED : CaseState.COMPLETED, actor.of(execution, null),
                ProcessVariables.string(execution, "handlingNote"));
    }
}
