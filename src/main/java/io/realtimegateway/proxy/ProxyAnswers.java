package io.realtimegateway.proxy;

import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

import io.realtimegateway.api.ErrorRenderer;
import io.realtimegateway.protocol.RealtimeException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** The proxy's own answers: refusals as the gateway's JSON error body, CORS preflights, and the CORS headers a page needs. */
final class ProxyAnswers {

    private final ErrorRenderer errors;

    ProxyAnswers(ErrorRenderer errors) {
        this.errors = errors;
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
        allowOrigin(response, corsOrigin, "Retry-After");
        errors.send(response, status, failure);
    }

    /**
     * Answers a CORS preflight for what fal's client sends: the methods given, {@code content-type}, {@code accept},
     * {@code x-fal-*} and, when the proxy reads it, {@code authorization}. A plain OPTIONS learns the methods.
     */
    void preflight(HttpServerRequest request, Optional<String> corsOrigin, String methods, boolean readsAuthorization) {
        HttpServerResponse response = request.response().setStatusCode(204);
        if (corsOrigin.isEmpty() || request.getHeader("Access-Control-Request-Method") == null) {
            response.putHeader("Allow", methods + ", OPTIONS").end();
            return;
        }
        StringJoiner allowed = new StringJoiner(", ");
        String asked = request.getHeader("Access-Control-Request-Headers");
        for (String header : asked == null ? new String[0] : asked.split(",")) {
            String name = header.trim().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-fal-") || name.equals("content-type") || name.equals("accept") || (name.equals("authorization") && readsAuthorization)) {
                allowed.add(name);
            }
        }
        allowOrigin(response, corsOrigin, "");
        response.putHeader("Access-Control-Allow-Methods", methods).putHeader("Access-Control-Max-Age", "600");
        if (allowed.length() > 0) {
            response.putHeader("Access-Control-Allow-Headers", allowed.toString());
        }
        response.end();
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
