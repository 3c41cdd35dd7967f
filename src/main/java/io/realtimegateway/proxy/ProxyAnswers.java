package io.realtimegateway.proxy;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.api.ErrorResponse;
import io.realtimegateway.api.ErrorStatus;
import io.realtimegateway.protocol.RealtimeException;
import io.vertx.core.http.HttpServerResponse;

/** The proxy's own answers: refusals as the gateway's JSON error body, and the CORS headers a page needs to read them. */
final class ProxyAnswers {

    private final ObjectMapper json;

    ProxyAnswers(ObjectMapper json) {
        this.json = json;
    }

    /** Answers the refusal unless an answer has already begun (then the caller's connection is cut instead). */
    void refuse(HttpServerResponse response, Optional<String> corsOrigin, int status, RealtimeException failure) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        try {
            String body = json.writeValueAsString(ErrorResponse.of(failure));
            response.setStatusCode(status).putHeader("Content-Type", "application/json");
            ErrorStatus.retryAfter(failure).ifPresent(seconds -> response.putHeader("Retry-After", seconds));
            allowOrigin(response, corsOrigin, "Retry-After");
            response.end(body);
        } catch (JsonProcessingException e) {
            response.setStatusCode(500).end();
        }
    }

    /** Lets the page at {@code corsOrigin} read the answer, and the headers named. */
    static void allowOrigin(HttpServerResponse response, Optional<String> corsOrigin, String exposedHeaders) {
        corsOrigin.ifPresent(origin -> {
            response.putHeader("Access-Control-Allow-Origin", origin).headers().add("Vary", "Origin");
            if (!exposedHeaders.isEmpty()) {
                response.putHeader("Access-Control-Expose-Headers", exposedHeaders);
            }
        });
    }
}
