package org.bianmin.hallduties;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who completes a hall-duty task in a delegate: the authenticated Tasklist or REST user, else "system". */
@Component
public class EngineActor {

    public static final String SYSTEM = "system";

    private final IdentityService identity;

    public EngineActor(IdentityService identity) {
        this.identity = identity;
    }

    public String current() {
        Authentication user = identity.getCurrentAuthentication();
        return user == null || user.getUserId() == null ? SYSTEM : user.getUserId();
    }
}
