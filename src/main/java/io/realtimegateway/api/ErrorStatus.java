package io.realtimegateway.api;

import io.realtimegateway.protocol.ErrorCode;

/** The one mapping from error codes to HTTP statuses. */
public final class ErrorStatus {

    private ErrorStatus() {
    }

    public static int of(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT -> 400;
            case UNAUTHORIZED -> 401;
            case APP_NOT_FOUND -> 404;
            case RATE_LIMITED -> 429;
            case CONNECTION_LOST, UPSTREAM_ERROR -> 502;
            case CIRCUIT_OPEN -> 503;
            case TIMEOUT -> 504;
        };
    }
}
