package org.bianmin.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.bianmin.web.AnyAuthenticatedUser;
import org.bianmin.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Authorization before input: runs after authentication and before Spring reads the request body,
 * so an unauthorized caller is refused (403) whatever the body holds, and an authorized one then
 * meets the input policy (400). Fails closed: an {@code /api} handler that declares no action is
 * refused.
 */
class AuthorizationInterceptor implements HandlerInterceptor {

    static final String CASE_NUMBER = "caseNumber";

    private final ObjectProvider<CaseScope> caseScope;

    AuthorizationInterceptor(ObjectProvider<CaseScope> caseScope) {
        this.caseScope = caseScope;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        CurrentUser user = (CurrentUser) request.getAttribute(CurrentUser.REQUEST_ATTRIBUTE);
        if (user == null) {
            // only /api and /actuator pass the authentication filter that sets it; our pages are static
            return true;
        }
        if (method.hasMethodAnnotation(AnyAuthenticatedUser.class)
                || method.getBeanType().isAnnotationPresent(AnyAuthenticatedUser.class)) {
            return true;
        }
        Authorized authorized = method.getMethodAnnotation(Authorized.class);
        if (authorized == null) {
            throw ApiException.forbidden("未声明权限的接口一律拒绝 / a handler without a declared action is refused");
        }
        Action action = authorized.value();
        user.require(action);
        if (action.scope() == Action.Scope.CASE) {
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String caseNumber = variables == null ? null : variables.get(CASE_NUMBER);
            if (caseNumber == null) {
                throw new IllegalStateException(method + " is case-scoped but has no {caseNumber} path variable");
            }
            caseScope.getObject().require(user, action, caseNumber);
        }
        return true;
    }
}
