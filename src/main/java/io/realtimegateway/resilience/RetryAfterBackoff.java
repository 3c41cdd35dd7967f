package io.realtimegateway.resilience;

import io.realtimegateway.protocol.RealtimeException;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * Exponential back-off that honours a {@code Retry-After} the upstream sent: the delay doubles per attempt up to
 * a cap, and is never shorter than what the upstream asked for.
 */
final class RetryAfterBackoff implements CustomBackoffStrategy {

    private final long maxDelayMillis;
    private long nextDelayMillis;

    RetryAfterBackoff(long maxDelayMillis) {
        this.maxDelayMillis = maxDelayMillis;
    }

    @Override
    public void init(long initialDelayInMillis) {
        nextDelayMillis = Math.max(1, initialDelayInMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable exception) {
        long delay = nextDelayMillis;
        nextDelayMillis = Math.min(maxDelayMillis, nextDelayMillis * 2);
        if (exception instanceof RealtimeException failure && failure.retryAfter().isPresent()) {
            delay = Math.max(delay, failure.retryAfter().get().toMillis());
        }
        return delay;
    }
}
