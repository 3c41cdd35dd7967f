package io.realtimegateway.protocol;

import java.util.Map;
import java.util.regex.Pattern;

/** A decoded frame from a real-time upstream, classified as this package's documentation, "Frames", describes. */
public sealed interface UpstreamMessage {

    /** An output: the answer to the oldest input still waiting on the socket. */
    record Result(Map<String, Object> output) implements UpstreamMessage {
    }

    /** {@code {"type":"x-fal-error","error":..,"reason":..}}. */
    record FalError(String error, String reason) implements UpstreamMessage {

        /** pydantic's text for a failed model input: "1 validation error for Input ...". */
        private static final Pattern VALIDATION = Pattern.compile("^\\d+ validation errors? for ");

        /** The idle notice: the session saw no input for a while and is closing; no input failed. */
        public boolean isIdleTimeout() {
            return "TIMEOUT".equals(error);
        }

        /** A refused input keeps its FIFO place and the session stays open. */
        public boolean isRateLimit() {
            return "RATE_LIMITED".equals(error);
        }

        /** The code to report for the input this error is blamed on. */
        public ErrorCode code() {
            if (isRateLimit()) {
                return ErrorCode.RATE_LIMITED;
            }
            return reason != null && VALIDATION.matcher(reason).find() ? ErrorCode.INVALID_INPUT : ErrorCode.UPSTREAM_ERROR;
        }

        public String describe() {
            return reason == null || reason.isBlank() ? error : error + ": " + reason;
        }
    }

    /** {@code {"type":"x-fal-message",...}}: informational (fal sends timings), never a result. */
    record Info(String action) implements UpstreamMessage {
    }

    /** {@code {"status":"error","error":"Unauthorized"}}: the token was refused. */
    record Unauthorized() implements UpstreamMessage {
    }

    /** A frame that could not be decoded into an object. */
    record Malformed(String problem) implements UpstreamMessage {
    }
}
