package org.bianmin.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who acts in a delegate: the user Tasklist or the REST API authenticated, else the user a named
 * variable holds (e.g. the initiator, or the user a REST call passed on), else "system" (timers).
 */
@Component
public class ActingUser {

    public static final String SYSTEM = "system";

    private final IdentityService identity;

    public ActingUser(IdentityService identity) {
        this.identity = identity;
    }

    public String current() {
        return of(null, null);
    }

    public String of(VariableScope scope, String fallbackVariable) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        Object named = scope == null || fallbackVariable == null ? null : scope.getVariable(fallbackVariable);
        return named != null ? named.toString() : SYSTEM;
    }
}
