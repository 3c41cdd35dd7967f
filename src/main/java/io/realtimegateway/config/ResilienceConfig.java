package io.realtimegateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the gateway rides out a failing upstream: retries, breakers, bulkheads, rate limits, deadlines. */
@ConfigMapping(prefix = "gateway.resilience")
public interface ResilienceConfig {

    Retry retry();

    Breaker breaker();

    Bulkhead bulkhead();

    RateLimit rateLimit();

    /** An input in flight this long without a result means the upstream went silent: it gets TIMEOUT. */
    @WithDefault("60s")
    Duration inputTimeout();

    /** Apps with breakers of their own; further apps share one. */
    @WithDefault("256")
    int maxApps();

    /** Reconnecting after a lost connection (or a 429 on the upgrade): exponential back-off with jitter. */
    interface Retry {
        /** Reconnects in a row before the waiting inputs fail with CONNECTION_LOST. */
        @WithDefault("4")
        int maxRetries();

        @WithDefault("100ms")
        Duration initialDelay();

        @WithDefault("5s")
        Duration maxDelay();

        @WithDefault("50ms")
        Duration jitter();
    }

    /** One breaker per app, counting lost connections. */
    interface Breaker {
        /** Sessions looked at before the breaker may open. */
        @WithDefault("10")
        int requestVolumeThreshold();

        /** Share of those that must have lost their connection for it to open. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long it stays open before a trial connection (half-open). */
        @WithDefault("10s")
        Duration delay();

        @WithDefault("1")
        int successThreshold();
    }

    /** Bounds on concurrent upstream connections. */
    interface Bulkhead {
        @WithDefault("256")
        int perApp();

        /** Connections that may wait for a slot of their app; beyond that callers get 429 at once. */
        @WithDefault("64")
        int queue();

        @WithDefault("512")
        int instance();
    }

    /** After a rate-limit signal the app's throttle doubles, up to this cap, then decays back by half per period. */
    interface RateLimit {
        @WithDefault("2s")
        Duration maxThrottle();

        @WithDefault("10s")
        Duration decay();
    }
}
