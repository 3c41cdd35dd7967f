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

    /**
     * Quarkus REST's own refusals: malformed JSON (say where it broke), a method or an Accept the endpoint does not
     * take. They get the same JSON error body as every other mistake of the caller.
     */
    @ServerExceptionMapper
    public Response refusedByTheFramework(WebApplicationException failure) {
        if (failure.getCause() instanceof StreamReadException malformed && malformed.getLocation() != null) {
            String what = String.valueOf(malformed.getOriginalMessage()).startsWith("Duplicate field") ? "names a field twice"
                    : "is not valid JSON";
            return respond(new RealtimeException(ErrorCode.INVALID_INPUT, "the body " + what + " (line "
                    + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr() + ")"));
        }
        Response refusal = failure.getResponse();
        String message = switch (refusal.getStatus()) {
            case 404 -> HttpFilters.NO_SUCH_ENDPOINT;
            case 405 -> "this endpoint does not take that HTTP method"
                    + (refusal.getHeaderString("Allow") == null ? "" : "; it takes " + refusal.getHeaderString("Allow"));
            case 406 -> "this endpoint cannot answer in the media type the Accept header asks for";
            default -> null;
        };
        return message == null ? refusal
                : Response.fromResponse(refusal).type(MediaType.APPLICATION_JSON).entity(ErrorResponse.of(ErrorCode.INVALID_INPUT, message)).build();
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
