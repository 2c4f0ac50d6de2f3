package org.bianmin.identity;

import org.bianmin.web.AnyAuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/session}: who is signed in, and the CSRF token our own pages send with changes
 * (the webapps' token, created here when the session has none yet).
 */
@RestController
@AnyAuthenticatedUser
class SessionController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityService identity;

    SessionController(IdentityService identity) {
        this.identity = identity;
    }

    record SessionView(String user, String name, List<String> groups, String csrfToken) {
    }

    @GetMapping("/api/session")
    SessionView session(CurrentUser user, HttpServletRequest request) {
        User profile = identity.createUserQuery().userId(user.id()).singleResult();
        String name = profile == null ? user.id() : (profile.getFirstName() + " " + profile.getLastName()).strip();
        HttpSession session = request.getSession(false);
        String token = null;
        if (session != null) {
            synchronized (session) {
                Object existing = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
                if (existing == null) {
                    byte[] bytes = new byte[16];
                    RANDOM.nextBytes(bytes);
                    existing = HexFormat.of().withUpperCase().formatHex(bytes);
                    session.setAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME, existing);
                }
                token = existing.toString();
            }
        }
        return new SessionView(user.id(), name, user.groups(), token);
    }
}
