package org.bianmin.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * {@code /engine-rest} answers a refusal of ours with its own status (400, 404, 409) instead of
 * the 500 that Camunda's resources give any engine exception they wrap (e.g. "Cannot instantiate
 * process definition" when a start delegate refuses the request). Everything else is answered as
 * Camunda does.
 */
@Component
class EngineRestRefusals implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(Mapper.class);
    }

    @Priority(1000)
    public static class Mapper implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            Response camunda = ExceptionHandlerHelper.getInstance().getResponse(exception);
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof ApiException refusal) {
                    return Response.fromResponse(camunda).status(refusal.status().value()).build();
                }
            }
            return camunda;
        }
    }
}
