package org.bianmin.accountability;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记陈述申辩: keeps the responsible person's statement from the Tasklist form (or the API) with the record. */
@Component("recordStatementDelegate")
class StatementDelegate implements JavaDelegate {

    private final AccountabilityService accountability;

    StatementDelegate(AccountabilityService accountability) {
        this.accountability = accountability;
    }

    @Override
    public void execute(DelegateExecution execution) {
        accountability.recordStatement(((Number) execution.getVariable("recordId")).longValue(),
                String.valueOf(execution.getVariable("statementText")));
    }
}
