package org.bianmin.accountability;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 问责审核: applies the supervisor's confirmation or dismissal from the review form. */
@Component("decideAccountabilityDelegate")
class ReviewDelegate implements JavaDelegate {

    private final AccountabilityService accountability;
    private final IdentityService identity;

    ReviewDelegate(AccountabilityService accountability, IdentityService identity) {
        this.accountability = accountability;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reviewer = execution.getVariable("reviewer");
        var authentication = identity.getCurrentAuthentication();
        String who = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
                : reviewer == null ? "system" : reviewer.toString();
        accountability.decide(((Number) execution.getVariable("recordId")).longValue(),
                Boolean.parseBoolean(String.valueOf(execution.getVariable("confirmed"))),
                (String) execution.getVariable("reason"), who);
    }
}
