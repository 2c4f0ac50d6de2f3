package org.bianmin.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Installs the authorization check of every {@code /api} handler. */
@Configuration
class ApiWebConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<CaseScope> caseScope;

    ApiWebConfiguration(ObjectProvider<CaseScope> caseScope) {
        this.caseScope = caseScope;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AuthorizationInterceptor(caseScope)).addPathPatterns("/api/**");
    }
}
