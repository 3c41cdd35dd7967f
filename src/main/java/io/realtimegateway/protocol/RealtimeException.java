package io.realtimegateway.protocol;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

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

    /**
     * The failure behind a future's wrapping: what a {@link CompletionException} or {@link ExecutionException} carries,
     * or the failure itself. The one place that unwraps them.
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * What any failure means to a caller: a {@code RealtimeException} as it is, anything else {@code UPSTREAM_ERROR}
     * with its message. The one rule for unexpected exceptions: they are final (no code that retries or trips a breaker),
     * since nothing shows that the connection was lost, and retrying would resend inputs over a fault of our own.
     * Their message reaches the caller with anything shaped like a token or a key masked: it may quote anything.
     */
    public static RealtimeException from(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof RealtimeException known ? known
                : new RealtimeException(ErrorCode.UPSTREAM_ERROR, Redaction.text(String.valueOf(cause.getMessage())), cause);
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
