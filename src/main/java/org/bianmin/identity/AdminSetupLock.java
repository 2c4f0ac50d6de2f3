package org.bianmin.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.bianmin.web.ApiError;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the Admin webapp's first-run setup ({@code /camunda/api/admin/setup/...}) for good once
 * any user exists. Camunda's own check only asks whether {@code camunda-admin} has a direct member,
 * so an anonymous caller could create an administrator after the group was reorganised.
 */
class AdminSetupLock extends OncePerRequestFilter {

    static final String MESSAGE = "系统已初始化, 初始设置不可再用 / setup is closed: users already exist";

    private final IdentityService identityService;
    private final ObjectMapper json;

    AdminSetupLock(IdentityService identityService, ObjectMapper json) {
        this.identityService = identityService;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (identityService.createUserQuery().count() > 0) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            json.writeValue(response.getOutputStream(), new ApiError("SETUP_CLOSED", MESSAGE));
            return;
        }
        chain.doFilter(request, response);
    }
}
