package org.bianmin.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine work that belongs to the application, not to the user whose form triggered it —
 * starting a case's follow-up processes, moving its timers, ending its watch. Bianmin's services
 * check the user's right to ask (e.g. {@code CurrentUser.require}); the consequences then run
 * without the user's engine authorizations, and the user's authentication is restored after.
 */
@Component
public class SystemAuthority {

    private final IdentityService identity;

    public SystemAuthority(IdentityService identity) {
        this.identity = identity;
    }

    public <T> T call(Supplier<T> work) {
        Authentication user = identity.getCurrentAuthentication();
        if (user == null) {
            return work.get();
        }
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            identity.setAuthentication(user);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
