package io.realtimegateway.resilience;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.realtimegateway.protocol.AppId;

/** Counters of what the upstream put the gateway through, tagged by app ({@code /q/metrics}). */
@ApplicationScoped
public class ResilienceMetrics {

    private final MeterRegistry registry;

    ResilienceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A socket opened again for a connection, after an idle, error or lost close. */
    public void reconnected(AppId app) {
        registry.counter("gateway.upstream.reconnects", "app", app.id()).increment();
    }

    /** A lost connection (or a refused upgrade) about to be retried after back-off. */
    void retrying(AppId app) {
        registry.counter("gateway.upstream.retries", "app", app.id()).increment();
    }

    void breakerMoved(String app, String state) {
        registry.counter("gateway.upstream.breaker.transitions", "app", app, "state", state).increment();
    }

    /** The upstream refused an input or a connection for its rate limit. */
    public void rateLimited(AppId app) {
        registry.counter("gateway.upstream.rate.limited", "app", app.id()).increment();
    }
}
