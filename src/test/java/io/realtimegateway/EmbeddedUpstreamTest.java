package io.realtimegateway;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;

import io.realtimegateway.client.RealtimeClient;
import io.realtimegateway.resilience.AdaptiveThrottle;
import io.realtimegateway.simulator.Simulator;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Base of the tests that tune the embedded upstream: whatever a test changes, faults, open breakers, learned pacing and warm sockets included, is undone after it. */
public abstract class EmbeddedUpstreamTest {

    @Inject
    protected Simulator simulator;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    AdaptiveThrottle throttles;

    @Inject
    RealtimeClient realtimeClient;

    @AfterEach
    void restoreTheSimulatorAndTheBreakers() {
        simulator.reset();
        breakers.resetAll();
        throttles.reset();
        // A warm socket would let the next test skip the handshake that its faults act on.
        realtimeClient.closeIdleConnections();
    }
}
