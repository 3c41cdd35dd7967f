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

    /**
     * Apps with state of their own (breaker, bulkhead, pacing, metric tags) besides the catalog's and the allow-list's
     * named apps: the first ones the upstream accepts a connection to. Every other app shares {@link #otherApps()}.
     */
    @WithDefault("256")
    int maxApps();

    OtherApps otherApps();

    NotFound notFound();

    /** What the apps without state of their own (made-up ids, apps past max-apps) get, all of them together. */
    interface OtherApps {
        /** Upstream connections open at once (as many more may wait); beyond that, 429. */
        @WithDefault("16")
        int concurrency();

        /** Upstream sessions started per second (each costs a token request and an upgrade); beyond that, 429. */
        @WithDefault("20")
        int sessionsPerSecond();
    }

    /** Real-time endpoints the upstream answered 404 for are answered 404 again at once, without asking it. */
    interface NotFound {
        /** How long such an answer is remembered (0s: not at all). */
        @WithDefault("10m")
        Duration rememberFor();

        /** How many are remembered; the oldest is forgotten first. */
        @WithDefault("4096")
        int maxEndpoints();
    }

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
