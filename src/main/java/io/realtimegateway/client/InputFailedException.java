package io.realtimegateway.client;

import io.realtimegateway.protocol.RealtimeException;

/** One input got no result: {@link #code()} says why, {@link #attempts()} how often it was sent. */
public class InputFailedException extends RealtimeException {

    private final int attempts;

    public InputFailedException(RealtimeException cause, int attempts) {
        super(cause.code(), cause.getMessage(), cause.retryAfter().orElse(null), cause.getCause());
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
