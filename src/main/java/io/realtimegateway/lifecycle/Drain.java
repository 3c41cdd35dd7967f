package io.realtimegateway.lifecycle;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;

/**
 * Whether this instance is draining: SIGTERM arrived (Knative scaling down or rolling a revision, a container
 * stopping), so it takes no new invocation while those in flight finish. Quarkus fires the pre-shutdown event
 * ({@code quarkus.shutdown.delay-enabled}) before it waits up to {@code quarkus.shutdown.timeout} for running
 * requests; from then on readiness is DOWN ({@link DrainReadiness}) and invocations are refused with 503.
 */
@ApplicationScoped
public class Drain {

    private final AtomicBoolean draining = new AtomicBoolean();

    void shutdownRequested(@Observes ShutdownDelayInitiatedEvent event) {
        begin();
    }

    /** From now on no new invocation is taken. */
    public void begin() {
        if (draining.compareAndSet(false, true)) {
            Log.info("Shutting down: readiness is DOWN and new invocations are refused; those in flight finish");
        }
    }

    public boolean draining() {
        return draining.get();
    }
}
