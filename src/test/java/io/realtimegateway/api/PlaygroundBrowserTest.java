package io.realtimegateway.api;

import java.util.OptionalLong;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.simulator.Simulator;

/** {@link PlaygroundInBrowser} in the test's own app, where the embedded upstream's counters show the page's one socket. */
@QuarkusTest
class PlaygroundBrowserTest extends PlaygroundInBrowser {

    @Inject
    Simulator simulator;

    @Override
    protected OptionalLong sdxlConnections() {
        return OptionalLong.of(simulator.stats().connections(Fixtures.SDXL));
    }
}
