package io.realtimegateway.api;

import java.util.Optional;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/** The one mapping from error codes to HTTP statuses (and the headers that go with them). */
public final class ErrorStatus {

    private ErrorStatus() {
    }

    public static int of(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case APP_NOT_FOUND -> 404;
            case RATE_LIMITED -> 429;
            case CONNECTION_LOST, UPSTREAM_ERROR -> 502;
            case CIRCUIT_OPEN, SHUTTING_DOWN -> 503;
            case TIMEOUT -> 504;
            // Only ever an item's code: an answer that reached its size limit still answers 200 with the items that fit.
            case RESPONSE_TOO_LARGE -> 502;
        };
    }

    /** The {@code Retry-After} value in whole seconds, when the failure says how long to wait. */
    public static Optional<String> retryAfter(RealtimeException failure) {
        return failure.retryAfter().map(delay -> Long.toString(Math.max(1, delay.toSeconds())));
    }
}
