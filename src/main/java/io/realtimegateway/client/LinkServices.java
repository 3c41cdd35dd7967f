package io.realtimegateway.client;

import java.time.Duration;

import io.realtimegateway.config.ClientConfig;
import io.realtimegateway.resilience.AdaptiveThrottle;
import io.realtimegateway.resilience.ResilienceMetrics;
import io.realtimegateway.resilience.UpstreamGuards;
import io.vertx.core.Vertx;

/** What every link needs from the application: sockets, timers, fault tolerance, pacing, metrics, settings. */
record LinkServices(SocketOpener opener, Vertx vertx, UpstreamGuards guards, AdaptiveThrottle throttles, ResilienceMetrics metrics,
        ClientConfig client, Duration inputTimeout) {
}
