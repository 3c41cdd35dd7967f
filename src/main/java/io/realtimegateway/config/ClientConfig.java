package io.realtimegateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The real-time client's connections. */
@ConfigMapping(prefix = "gateway.client")
public interface ClientConfig {

    /** A connection shared by a connectionKey closes after this long unused. */
    @WithDefault("30s")
    Duration idleTimeout();

    /**
     * A private connection closed with nothing pending keeps its socket this long for the next private caller
     * to the same app (fal itself closes sessions after about 2 s without input). 0 turns this off.
     */
    @WithDefault("2s")
    Duration warmTimeout();

    /** Private connections kept warm per app (and path and maxBuffering); as many as an app's bulkhead admits. */
    @WithDefault("256")
    int maxIdleConnections();

    /** How long the TCP connect plus the WebSocket upgrade (and each token request) may take. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** How often one input may be sent before it is given up (reconnects after idle or error closes). */
    @WithDefault("5")
    int maxSendsPerInput();

    Throttle throttle();

    /** Inputs the upstream may hold queued per connection when the caller does not say (fal recommends 2). */
    @WithDefault("2")
    int defaultMaxBuffering();

    interface Throttle {
        /** Pause between two sends on a connection when the caller does not say (fal's docs: 64 ms). */
        @WithDefault("64ms")
        Duration defaultInterval();

        /** The lowest a caller may ask for (fal's docs: 32 ms). */
        @WithDefault("32ms")
        Duration min();

        @WithDefault("10s")
        Duration max();

        /** For benchmarks only: lets callers ask for a throttle of 0 (no pacing). Never on in production. */
        @WithDefault("false")
        boolean allowUnpaced();
    }
}
