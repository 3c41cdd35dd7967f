package io.realtimegateway.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtimegateway.config.ClientConfig;
import io.realtimegateway.protocol.Bounds;

/** Which throttle intervals callers may ask for: 32 ms to 10 s by default; 0 only where benchmarks allow it. */
@ApplicationScoped
public class ThrottleLimits {

    private final ClientConfig.Throttle config;

    ThrottleLimits(ClientConfig config) {
        this.config = config.throttle();
    }

    /** @throws io.realtimegateway.protocol.RealtimeException {@code INVALID_INPUT} naming the field when out of range */
    public Duration check(String field, Duration requested) {
        if (requested.isZero() && config.allowUnpaced()) {
            return requested;
        }
        Bounds.check(field, requested.toMillis(), config.min().toMillis(), config.max().toMillis(), " ms");
        return requested;
    }
}
