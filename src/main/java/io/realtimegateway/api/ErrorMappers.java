package io.realtimegateway.api;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/** Renders failures of the REST resources as {@link ErrorResponse}s with the status their code calls for. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response realtime(RealtimeException failure) {
        return respond(failure);
    }

    /** Quarkus REST wraps malformed JSON in a 400 {@link WebApplicationException}; say where the JSON broke. */
    @ServerExceptionMapper
    public Response malformedJson(WebApplicationException failure) {
        if (failure.getCause() instanceof StreamReadException malformed && malformed.getLocation() != null) {
            return respond(new RealtimeException(ErrorCode.INVALID_INPUT, "the body is not valid JSON (line "
                    + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr() + ")"));
        }
        return failure.getResponse();
    }

    @ServerExceptionMapper
    public Response wrongJsonShape(MismatchedInputException failure) {
        return respond(new RealtimeException(ErrorCode.INVALID_INPUT,
                "the body must be a JSON object such as {\"inputs\":[{\"prompt\":\"...\"}]}"));
    }

    @ServerExceptionMapper
    public Response notJson(NotSupportedException failure) {
        return Response.status(415).type(MediaType.APPLICATION_JSON)
                .entity(ErrorResponse.of(ErrorCode.INVALID_INPUT, "send the body as JSON (Content-Type: application/json)")).build();
    }

    static Response respond(RealtimeException failure) {
        Response.ResponseBuilder response = Response.status(ErrorStatus.of(failure.code())).type(MediaType.APPLICATION_JSON)
                .entity(ErrorResponse.of(failure));
        ErrorStatus.retryAfter(failure).ifPresent(seconds -> response.header("Retry-After", seconds));
        return response.build();
    }
}
