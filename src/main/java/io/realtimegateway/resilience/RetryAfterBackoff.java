package io.realtimegateway.resilience;

import io.realtimegateway.protocol.RealtimeException;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * Exponential back-off with jitter that honours a {@code Retry-After} the upstream sent: the delay doubles per
 * attempt up to a cap, moves by up to the jitter either way, and is never shorter than what the upstream asked for.
 */
final class RetryAfterBackoff implements CustomBackoffStrategy {

    private final long maxDelayMillis;
    private final long jitterMillis;
    private final RetryJitter jitter;
    private long nextDelayMillis;

    RetryAfterBackoff(long maxDelayMillis, long jitterMillis, RetryJitter jitter) {
        this.maxDelayMillis = maxDelayMillis;
        this.jitterMillis = jitterMillis;
        this.jitter = jitter;
    }

    @Override
    public void init(long initialDelayInMillis) {
        nextDelayMillis = Math.max(1, initialDelayInMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable exception) {
        long delay = Math.max(0, nextDelayMillis + jitter.nextMillis(jitterMillis));
        nextDelayMillis = Math.min(maxDelayMillis, nextDelayMillis * 2);
        if (exception instanceof RealtimeException failure && failure.retryAfter().isPresent()) {
            delay = Math.max(delay, failure.retryAfter().get().toMillis());
        }
        return delay;
    }
}
