package io.realtimegateway.api;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/** Failures of the REST resources, answered through {@link ErrorRenderer} with the status their code calls for. */
public class ErrorMappers {

    private final ErrorRenderer errors;

    ErrorMappers(ErrorRenderer errors) {
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response realtime(RealtimeException failure) {
        return errors.response(failure);
    }

    /** Quarkus REST's own refusals: a path, a method or an Accept no resource takes. */
    @ServerExceptionMapper
    public Response refusedByTheFramework(WebApplicationException failure) {
        Response refusal = failure.getResponse();
        String allowed = refusal.getHeaderString("Allow");
        String message = switch (refusal.getStatus()) {
            case 404 -> RouterRefusals.NO_SUCH_ENDPOINT;
            case 405 -> "this endpoint does not take that HTTP method" + (allowed == null ? "" : "; it takes " + allowed);
            case 406 -> "this endpoint cannot answer in the media type the Accept header asks for";
            default -> null;
        };
        if (message == null) {
            return refusal;
        }
        Response answer = errors.response(refusal.getStatus(), new RealtimeException(ErrorCode.INVALID_INPUT, message));
        return allowed == null ? answer : Response.fromResponse(answer).header("Allow", allowed).build();
    }

    @ServerExceptionMapper
    public Response notJson(NotSupportedException failure) {
        return errors.response(415, new RealtimeException(ErrorCode.INVALID_INPUT, "send the body as JSON (Content-Type: application/json)"));
    }
}
