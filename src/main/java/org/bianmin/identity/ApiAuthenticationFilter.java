package org.bianmin.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bianmin.web.ApiError;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every call of {@code /api/**} and the actuator: HTTP Basic against Camunda's
 * identity service (scripts, the portal, tests), or the session of the Camunda webapps for our own
 * pages — then a changing request must carry the webapps' CSRF token in {@code X-XSRF-TOKEN}.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    private static final String ENGINE = "default";

    private final IdentityService identityService;
    private final ObjectMapper json;

    public ApiAuthenticationFilter(IdentityService identityService, ObjectMapper json) {
        this.identityService = identityService;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<String> userId;
        if (header != null) {
            userId = basicUser(header);
        } else {
            Optional<UserAuthentication> session = sessionUser(request);
            if (session.isPresent() && !isSafe(request) && !csrfTokenMatches(request)) {
                refuse(response, HttpServletResponse.SC_FORBIDDEN, "CSRF",
                        "缺少或错误的 CSRF 令牌 / missing or wrong X-XSRF-TOKEN header");
                return;
            }
            userId = session.map(Authentication::getName);
        }
        if (userId.isEmpty()) {
            // our own pages ask with X-Requested-With and show their login link; a browser must not pop up a Basic dialog
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"bianmin\", charset=\"UTF-8\"");
            }
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
                    "请先登录 (HTTP Basic 或 Camunda 会话) / authentication required (HTTP Basic or a Camunda webapp session)");
            return;
        }
        List<String> groups = identityService.createGroupQuery().groupMember(userId.get()).list()
                .stream().map(Group::getId).toList();
        if (isMetrics(request) && !groups.contains(Groups.CAMUNDA_ADMIN) && !groups.contains(Groups.MONITORING)) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN",
                    "监控指标仅限系统管理员或监控用户组 / metrics are for camunda-admin or monitoring only");
            return;
        }
        request.setAttribute(CurrentUser.REQUEST_ATTRIBUTE, new CurrentUser(userId.get(), groups));
        chain.doFilter(request, response);
    }

    /** Everything of the actuator but the bare health status. */
    private static boolean isMetrics(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator") && !path.equals("/actuator/health");
    }

    private Optional<String> basicUser(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        return identityService.checkPassword(user, password) ? Optional.of(user) : Optional.empty();
    }

    private static Optional<UserAuthentication> sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return Optional.empty();
        }
        Authentication authentication = authentications.getAuthenticationForProcessEngine(ENGINE);
        return authentication instanceof UserAuthentication user ? Optional.of(user) : Optional.empty();
    }

    private static boolean isSafe(HttpServletRequest request) {
        return CsrfConstants.CSRF_NON_MODIFYING_METHODS_PATTERN.matcher(request.getMethod()).matches();
    }

    private static boolean csrfTokenMatches(HttpServletRequest request) {
        Object expected = request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected != null && given != null && MessageDigest.isEqual(
                expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private void refuse(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), new ApiError(code, message));
    }
}
