package io.realtimegateway.client;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * How many sockets to the upstream the gateway holds right now, in use or waiting warm ({@code gateway_upstream_connections}
 * on {@code /q/metrics}): each {@link SocketSession} counts while it lives, so a link whose socket fal closed for
 * idleness no longer counts. It must fall back to zero when traffic stops.
 */
@Startup
@ApplicationScoped
class ConnectionGauge {

    ConnectionGauge(MeterRegistry registry, RealtimeClient client) {
        Gauge.builder("gateway.upstream.connections", client, RealtimeClient::openConnections).strongReference(true)
                .description("sockets to the upstream open right now, in use or warm").register(registry);
    }
}
