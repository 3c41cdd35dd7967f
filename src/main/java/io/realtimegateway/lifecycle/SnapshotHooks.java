package io.realtimegateway.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.realtimegateway.auth.TokenCache;
import io.realtimegateway.resilience.AdaptiveThrottle;
import io.realtimegateway.resilience.RetryJitter;
import io.realtimegateway.simulator.Simulator;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * What the gateway does around a SnapStart snapshot (a CRaC checkpoint): the JVM is frozen after start-up and
 * restored later, possibly hours later and in many copies at once. Nothing the snapshot holds may then be reused
 * blindly, so before the checkpoint it primes the request path and drops what would be stale or shared (tokens,
 * idle sockets, breaker and rate-limit state timed by {@code nanoTime}); after the restore it reseeds what must differ
 * between copies (back-off jitter, the embedded upstream's key and token secret). On a JVM without CRaC and in a
 * native executable the callbacks are never called.
 */
@ApplicationScoped
public class SnapshotHooks implements Resource {

    private final RequestPathPrimer primer;
    private final TokenCache tokens;
    private final PooledSockets sockets;
    private final AdaptiveThrottle throttles;
    private final CircuitBreakerMaintenance breakers;
    private final RetryJitter jitter;
    private final Simulator simulator;

    SnapshotHooks(RequestPathPrimer primer, TokenCache tokens, PooledSockets sockets, AdaptiveThrottle throttles,
            CircuitBreakerMaintenance breakers, RetryJitter jitter, Simulator simulator) {
        this.primer = primer;
        this.tokens = tokens;
        this.sockets = sockets;
        this.throttles = throttles;
        this.breakers = breakers;
        this.jitter = jitter;
        this.simulator = simulator;
    }

    /** The CRaC context holds its resources weakly; this application-scoped bean lives as long as the application. */
    void register(@Observes StartupEvent event) {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        primer.prime();
        tokens.invalidateAll();
        sockets.close("a snapshot is next");
        throttles.reset();
        breakers.resetAll();
        Log.info("Before the snapshot: request path primed; tokens, idle upstream sockets (closed), breaker and rate-limit state dropped");
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        jitter.reseed();
        simulator.reseed();
        // Dropped before the checkpoint already; anything fetched since belongs to the snapshot's clock too.
        tokens.invalidateAll();
        Log.info("Restored from a snapshot: back-off jitter and the embedded upstream's key reseeded; tokens and sockets are new");
    }
}
