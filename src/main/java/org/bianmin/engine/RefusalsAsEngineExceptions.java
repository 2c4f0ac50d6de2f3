package org.bianmin.engine;

import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.springframework.stereotype.Component;

/**
 * A check of ours that refuses inside a delegate (a Tasklist form asking for something not
 * allowed, or invalid) reaches Camunda's REST APIs — Tasklist's and {@code /engine-rest} — as the
 * engine exception they answer with 403, 404 or 400 (a form-field refusal) and our Chinese/English
 * message, not as a 500.
 * The {@link ApiException} stays the cause, so {@code /api} still answers with its own code.
 */
@Component
class RefusalsAsEngineExceptions extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DelegateInterceptor inner = configuration.getDelegateInterceptor();
        configuration.setDelegateInterceptor(invocation -> {
            try {
                inner.handleInvocation(invocation);
            } catch (ApiException refusal) {
                throw translate(refusal);
            }
        });
    }

    static ProcessEngineException translate(ApiException refusal) {
        ProcessEngineException translated = switch (refusal.status()) {
            case FORBIDDEN, UNAUTHORIZED -> new AuthorizationException(refusal.getMessage());
            case NOT_FOUND -> new NotFoundException(refusal.getMessage());
            // Camunda's REST resources answer a form or completion refused this way with 400
            default -> new FormFieldValidationException(refusal.code(), refusal.getMessage());
        };
        translated.initCause(refusal);
        return translated;
    }
}
