package io.realtimegateway;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;

import io.realtimegateway.simulator.Simulator;

/** Base of the tests that tune the embedded upstream: whatever a test changes is undone after it. */
public abstract class EmbeddedUpstreamTest {

    @Inject
    protected Simulator simulator;

    @AfterEach
    void restoreTheSimulatorsBehaviour() {
        simulator.behaviour().reset();
    }
}
