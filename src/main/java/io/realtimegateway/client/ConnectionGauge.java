package io.realtimegateway.client;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * How many upstream connections the gateway holds right now, open or parked warm ({@code gateway_upstream_connections}
 * on {@code /q/metrics}): what the bulkheads bound, and what must fall back to zero when traffic stops.
 */
@Startup
@ApplicationScoped
class ConnectionGauge {

    ConnectionGauge(MeterRegistry registry, RealtimeClient client) {
        Gauge.builder("gateway.upstream.connections", client, RealtimeClient::openConnections).strongReference(true)
                .description("upstream connections held, open or warm").register(registry);
    }
}
