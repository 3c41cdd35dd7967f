package io.realtimegateway.api;

import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.protocol.RealtimeException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place a refusal becomes an HTTP answer: the JSON {@link ErrorResponse}, its status and {@code Retry-After},
 * for Quarkus REST's exception mappers and for the router's own handlers alike.
 */
@ApplicationScoped
public class ErrorRenderer {

    private final ObjectMapper json;

    ErrorRenderer(ObjectMapper json) {
        this.json = json;
    }

    /** The answer for a resource method, at the status the failure's code calls for. */
    public Response response(RealtimeException failure) {
        return response(ErrorStatus.of(failure.code()), failure);
    }

    public Response response(int status, RealtimeException failure) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body(failure));
        ErrorStatus.retryAfter(failure).ifPresent(seconds -> response.header("Retry-After", seconds));
        return response.build();
    }

    /** Answers from a route handler; nothing is written when the answer has begun or the caller has gone. */
    public void send(RoutingContext context, int status, RealtimeException failure) {
        send(context.response(), status, failure);
    }

    /** The same for a handler that holds only the response (it may have put headers of its own, e.g. CORS, on it). */
    public void send(HttpServerResponse response, int status, RealtimeException failure) {
        if (response.headWritten() || response.closed()) {
            return;
        }
        prepare(response, status, failure).end(body(failure));
    }

    /**
     * Answers and then closes the connection: for refusals that leave the request unread (a body too large or too
     * slow, a line or headers too long), whose remaining bytes must not be read as the next request.
     */
    public void sendAndClose(RoutingContext context, int status, RealtimeException failure) {
        HttpConnection connection = context.request().connection();
        if (connection == null || context.request().version() == HttpVersion.HTTP_2) {
            // One stream of a shared connection, or a request Lambda handed over: ending it is enough.
            send(context, status, failure);
            return;
        }
        HttpServerResponse response = context.response();
        if (response.headWritten() || response.closed()) {
            connection.close();
            return;
        }
        response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        prepare(response, status, failure).end(body(failure)).onComplete(written -> connection.close());
    }

    private static HttpServerResponse prepare(HttpServerResponse response, int status, RealtimeException failure) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        ErrorStatus.retryAfter(failure).ifPresent(seconds -> response.putHeader("Retry-After", seconds));
        return response;
    }

    private String body(RealtimeException failure) {
        try {
            return json.writeValueAsString(ErrorResponse.of(failure));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
