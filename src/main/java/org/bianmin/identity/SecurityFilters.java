package org.bianmin.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Closes the REST APIs (nothing under /engine-rest, /api or /actuator answers without
 * authentication), the Admin webapp's first-run setup, and sets our security headers.
 */
@Configuration
class SecurityFilters {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AdminSetupLock> adminSetupLock(IdentityService identityService, ObjectMapper json,
                                                         CamundaBpmProperties camunda) {
        var registration = new FilterRegistrationBean<>(new AdminSetupLock(identityService, json));
        registration.setName("admin-setup-lock");
        registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/admin/setup/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders(CamundaBpmProperties camunda) {
        var registration = new FilterRegistrationBean<>(new SecurityHeaders(camunda.getWebapp().getApplicationPath()));
        registration.setName("security-headers");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, json));
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*", "/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
