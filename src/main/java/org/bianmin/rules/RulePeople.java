package org.bianmin.rules;

import org.bianmin.engine.SystemAuthority;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Who wrote, submitted or approved a rule version, by name ("吴静"), as people read it. */
@Component
class RulePeople {

    private final IdentityService identity;
    private final SystemAuthority system;

    RulePeople(IdentityService identity, SystemAuthority system) {
        this.identity = identity;
        this.system = system;
    }

    String name(String userId) {
        if (userId == null) {
            return null;
        }
        if (userId.equals("system")) {
            return "系统";
        }
        User user = system.call(() -> identity.createUserQuery().userId(userId).singleResult());
        return user == null || user.getFirstName() == null ? userId : user.getFirstName();
    }
}
