package io.realtimegateway.client;

import static io.realtimegateway.Fixtures.prompt;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.ConfigOverrides;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.simulator.SimulatorSettings.Latency;

/**
 * Shared connections live on for the idle time after their last holder leaves, and end at shutdown; the connections
 * gauge counts the sockets actually open.
 */
@QuarkusTest
@TestProfile(ConnectionLifetimeTest.ShortIdleTime.class)
class ConnectionLifetimeTest extends EmbeddedUpstreamTest {

    public static class ShortIdleTime extends ConfigOverrides {
        public ShortIdleTime() {
            super("gateway.client.idle-timeout", "300ms");
        }
    }

    @Inject
    RealtimeClient realtime;

    @Test
    void aSharedConnectionOutlivesItsHolderThenClosesWhenIdle() throws Exception {
        RealtimeOptions keyed = RealtimeOptions.defaults().withConnectionKey("idle-test");
        long before = simulator.stats().connections(Fixtures.FLUX);
        try (RealtimeConnection first = realtime.connect(Fixtures.FLUX, keyed, result -> {
        })) {
            first.send(prompt("first", 1)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        try (RealtimeConnection second = realtime.connect(Fixtures.FLUX, keyed, result -> {
        })) {
            second.send(prompt("second", 2)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(connectionsGauge() >= 1, "gateway_upstream_connections counts the held connection");
        }
        assertEquals(1, simulator.stats().connections(Fixtures.FLUX) - before, "the second holder joined the warm connection");

        await().until(() -> realtime.openConnections() == 0 && connectionsGauge() == 0);
    }

    @Test
    void theConnectionsGaugeCountsSocketsNotTheConnectionsHeld() throws Exception {
        simulator.update(s -> s.sessionTimeout(Duration.ofMillis(100)));
        RecordingListener listener = new RecordingListener();
        try (RealtimeConnection held = realtime.connect(Fixtures.FLUX, RealtimeOptions.defaults().withConnectionKey("gauge-test"), listener)) {
            held.send(prompt("before fal's idle close", 1)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            await().until(() -> listener.events.contains("close:1000"));

            // Still held, so the connection lives on; but its socket is closed, and the gauge says what its name says.
            await().until(() -> connectionsGauge() == 0 && realtime.openConnections() == 0);
            simulator.update(s -> s.sessionTimeout(Duration.ofSeconds(30))); // the next socket stays open to be counted
            held.send(prompt("after it", 2)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(connectionsGauge() >= 1, "the next send opened a socket again");
        }
    }

    private static double connectionsGauge() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("gateway_upstream_connections ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).orElseThrow();
    }

    @Test
    void shutdownFailsWaitingInputsAndClosesEveryConnection() {
        simulator.update(s -> s.latency(new Latency(Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO)));
        // Another app than the idle test's: this socket may reach the upstream after the shutdown and must not count there.
        RealtimeConnection connection = realtime.connect(Fixtures.SDXL, RealtimeOptions.defaults().withConnectionKey("shutdown-test"),
                result -> {
                });
        CompletableFuture<RealtimeResult> waiting = connection.send(prompt("slow", 1)).toCompletableFuture();

        realtime.shutdown();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertEquals(ErrorCode.CONNECTION_LOST, ((RealtimeException) failure.getCause()).code());
        assertEquals("the gateway is shutting down", failure.getCause().getMessage());
        await().until(() -> realtime.openConnections() == 0);
    }
}
