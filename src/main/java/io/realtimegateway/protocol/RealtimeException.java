package io.realtimegateway.protocol;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure with a stable {@link ErrorCode} and a message a person can act on. The one error type
 * of the gateway: the client reports it per input, the HTTP layer maps its code to a status.
 * Messages never contain keys or tokens.
 */
public class RealtimeException extends RuntimeException {

    private final ErrorCode code;
    private final Duration retryAfter;

    public RealtimeException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public RealtimeException(ErrorCode code, String message, Throwable cause) {
        this(code, message, null, cause);
    }

    public RealtimeException(ErrorCode code, String message, Duration retryAfter, Throwable cause) {
        super(message, cause, false, false);
        this.code = Objects.requireNonNull(code);
        this.retryAfter = retryAfter;
    }

    public ErrorCode code() {
        return code;
    }

    /** How long the upstream asked us to wait, when it said so (rate limits, open circuits). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
