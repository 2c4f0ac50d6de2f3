package org.bianmin.cases.process;

import org.bianmin.cases.CaseLifecycle;
import org.bianmin.cases.CaseState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 办结: ends the case as approved (COMPLETED) or refused (REJECTED) by the {@code approved} variable. */
@Component("completeCaseDelegate")
public class CompleteCaseDelegate implements JavaDelegate {

    private final CaseLifecycle lifecycle;
    private final CurrentActor actor;

    public CompleteCaseDelegate(CaseLifecycle lifecycle, CurrentActor actor) {
        this.lifecycle = lifecycle;
        this.actor = actor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Boolean approved = ProcessVariables.bool(execution, "approved");
        lifecycle.end(execution.getProcessBusinessKey(),
                Boolean.FALSE.equals(approved) ? CaseState.REJECTED : CaseState.COMPLETED, actor.of(execution, null));
    }
}
