package org.bianmin.cases.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting in a delegate: the authenticated webapp/REST user, else a named variable, else "system". */
@Component
class CurrentActor {

    static final String SYSTEM = "system";

    private final IdentityService identity;

    CurrentActor(IdentityService identity) {
        this.identity = identity;
    }

    String of(DelegateExecution execution, String fallbackVariable) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        Object named = fallbackVariable == null ? null : execution.getVariable(fallbackVariable);
        return named != null ? named.toString() : SYSTEM;
    }
}
