package org.bianmin.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * {@code /engine-rest} answers a refusal with a 4xx, never with the 500 that Camunda's resources
 * give every engine exception they do not know: a refusal of ours keeps its status (400, 403,
 * 404, 409), an unknown id is 404, an invalid request 400 and a duplicate (a member already in the
 * group) 409. A real fault stays a 500. The body keeps Camunda's shape.
 */
@Component
class EngineRestRefusals implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(RestExceptions.class);
        config.register(EngineExceptions.class);
    }

    @Priority(1000)
    public static class RestExceptions implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            return answer(exception);
        }
    }

    @Priority(1000)
    public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return answer(exception);
        }
    }

    static Response answer(Throwable exception) {
        Response camunda = ExceptionHandlerHelper.getInstance().getResponse(exception);
        if (camunda.getStatus() != Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()) {
            return camunda;
        }
        int status = refusalStatus(exception);
        return status == 500 ? camunda : Response.fromResponse(camunda).status(status).build();
    }

    static int refusalStatus(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refusal) {
                return refusal.status().value();
            }
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotFoundException) {
                return 404;
            }
            if (cause instanceof NullValueException nullValue) {
                String message = String.valueOf(nullValue.getMessage());
                return message.contains("doesn't exist") || message.contains("not found") || message.contains("No ") ? 404 : 400;
            }
            if (cause instanceof BadUserRequestException || cause instanceof NotValidException
                    || cause instanceof FormFieldValidationException) {
                return 400;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return 409;
            }
        }
        return 500;
    }
}
