package org.bianmin.accountability;

import org.bianmin.engine.ActingUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 问责审核: applies the supervisor's confirmation or dismissal from the review form. */
@Component("decideAccountabilityDelegate")
class ReviewDelegate implements JavaDelegate {

    private final AccountabilityService accountability;
    private final ActingUser actor;

    ReviewDelegate(AccountabilityService accountability, ActingUser actor) {
        this.accountability = accountability;
        this.actor = actor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String who = actor.of(execution, "reviewer");
        accountability.decide(((Number) execution.getVariable("recordId")).longValue(),
                Boolean.parseBoolean(String.valueOf(execution.getVariable("confirmed"))),
                (String) execution.getVariable("reason"), who);
    }
}
