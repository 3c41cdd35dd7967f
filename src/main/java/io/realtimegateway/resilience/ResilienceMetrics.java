package io.realtimegateway.resilience;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.realtimegateway.protocol.AppId;

/**
 * Counters of what the upstream put the gateway through, tagged by app ({@code /q/metrics}): the app's id for the apps on
 * the {@link AppRoster}, {@code other-apps} for all the rest, so that made-up ids cannot grow the series.
 */
@ApplicationScoped
public class ResilienceMetrics {

    private final MeterRegistry registry;
    private final AppRoster roster;

    ResilienceMetrics(MeterRegistry registry, AppRoster roster) {
        this.registry = registry;
        this.roster = roster;
    }

    /** A socket opened again for a connection, after an idle, error or lost close. */
    public void reconnected(AppId app) {
        registry.counter("gateway.upstream.reconnects", "app", roster.key(app)).increment();
    }

    /** A lost connection (or a refused upgrade) about to be retried after back-off; the key as the roster gives it. */
    void retrying(String appKey) {
        registry.counter("gateway.upstream.retries", "app", appKey).increment();
    }

    /** Only ever for an app on the roster: the others share a breaker without a name. */
    void breakerMoved(String app, String state) {
        registry.counter("gateway.upstream.breaker.transitions", "app", app, "state", state).increment();
    }

    /** The upstream refused an input or a connection for its rate limit. */
    public void rateLimited(AppId app) {
        registry.counter("gateway.upstream.rate.limited", "app", roster.key(app)).increment();
    }
}
