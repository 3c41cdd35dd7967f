package io.realtimegateway.client;

import static io.realtimegateway.Fixtures.prompt;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.simulator.SimulatorSettings.Latency;

/** The Java client API, in the shape of fal's clients, against the embedded upstream over real sockets. */
@QuarkusTest
class RealtimeClientTest extends EmbeddedUpstreamTest {

    @Inject
    RealtimeClient realtime;

    @Test
    void resultsReachTheListenerAndTheReturnedStage() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (RealtimeConnection connection = realtime.connect(Fixtures.FLUX, listener)) {
            RealtimeResult first = connection.send(prompt("a red fox", 1)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            RealtimeResult second = connection.send(prompt("a red fox", 2)).toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertEquals(1L, first.output().get("seed"));
            assertEquals(2L, second.output().get("seed"));
            assertEquals(1, first.attempts());
            assertEquals(List.of(1L, 2L), listener.seeds());
            assertEquals(List.of("open", "result", "result"), listener.events);
        }
    }

    @Test
    void anInputTheUpstreamRejectsGoesToOnErrorWithItsCodeAndTheSocketClose() {
        RecordingListener listener = new RecordingListener();
        try (RealtimeConnection connection = realtime.connect(Fixtures.FLUX, listener)) {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> connection.send(Map.of("prompt", "x", "guidance_scale", 99)).toCompletableFuture().get(10, TimeUnit.SECONDS));
            InputFailedException rejected = assertInstanceOf(InputFailedException.class, failure.getCause());
            assertEquals(ErrorCode.INVALID_INPUT, rejected.code());
            assertTrue(rejected.getMessage().contains("guidance_scale"), rejected.getMessage());
            assertEquals(1, rejected.attempts());

            await().until(() -> listener.events.contains("close:1000"));
            assertEquals(List.of("open", "error", "close:1000"), listener.events);
            assertEquals(List.of(rejected), listener.errors);
        }
    }

    @Test
    void aConnectionReopensAfterTheUpstreamsIdleCloseWithoutAnyError() throws Exception {
        simulator.update(s -> s.sessionTimeout(Duration.ofMillis(100)));
        long before = simulator.stats().connections(Fixtures.FLUX);
        RecordingListener listener = new RecordingListener();
        try (RealtimeConnection connection = realtime.connect(Fixtures.FLUX, listener)) {
            connection.send(prompt("before the nap", 1)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            await().until(() -> listener.events.contains("close:1000"));
            RealtimeResult after = connection.send(prompt("after the nap", 2)).toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertEquals(2L, after.output().get("seed"));
            assertEquals(List.of(), listener.errors);
            assertEquals(List.of("open", "result", "close:1000", "open", "result"), listener.events.subList(0, 5));
            assertEquals(2, simulator.stats().connections(Fixtures.FLUX) - before);
            assertEquals(1, connection.reconnects());
        }
    }

    @Test
    void connectionsWithTheSameKeyShareOneSocketAndEachHearsOnlyItsOwnResults() throws Exception {
        long before = simulator.stats().connections(Fixtures.SDXL);
        RecordingListener alice = new RecordingListener();
        RecordingListener bob = new RecordingListener();
        RealtimeOptions shared = RealtimeOptions.defaults().withConnectionKey("shared-canvas");
        try (RealtimeConnection a = realtime.connect(Fixtures.SDXL, shared, alice);
                RealtimeConnection b = realtime.connect(Fixtures.SDXL, shared, bob)) {
            List<CompletableFuture<RealtimeResult>> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sent.add(a.send(prompt("alice", 10 + i)).toCompletableFuture());
                sent.add(b.send(prompt("bob", 20 + i)).toCompletableFuture());
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            assertEquals(List.of(10L, 11L, 12L), alice.seeds());
            assertEquals(List.of(20L, 21L, 22L), bob.seeds());
            assertEquals("shared-canvas", a.connectionKey());
            assertEquals(1, simulator.stats().connections(Fixtures.SDXL) - before);
        }
    }

    @Test
    void theClientNeverHasMoreInputsUnansweredThanMaxBufferingSoNoneIsDropped() throws Exception {
        // A slow model and the fastest allowed pacing: sending everything at once would overflow fal's queue.
        simulator.update(s -> s.latency(new Latency(Duration.ofMillis(120), Duration.ZERO, Duration.ZERO)));
        long droppedBefore = simulator.stats().dropped(Fixtures.FLUX);
        RealtimeOptions options = RealtimeOptions.defaults().withMaxBuffering(2).withThrottleInterval(Duration.ofMillis(32));
        try (RealtimeConnection connection = realtime.connect(Fixtures.FLUX, options, result -> {
        })) {
            List<CompletableFuture<RealtimeResult>> sent = new ArrayList<>();
            for (int seed = 1; seed <= 8; seed++) {
                sent.add(connection.send(prompt("burst", seed)).toCompletableFuture());
            }
            List<Object> seeds = new ArrayList<>();
            for (CompletableFuture<RealtimeResult> result : sent) {
                seeds.add(result.get(20, TimeUnit.SECONDS).output().get("seed"));
            }
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), seeds);
            assertEquals(0, simulator.stats().dropped(Fixtures.FLUX) - droppedBefore);
        }
    }

    @Test
    void closingGivesUpUnansweredInputsAndRefusesFurtherSends() throws Exception {
        simulator.update(s -> s.latency(new Latency(Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO)));
        int openBefore = realtime.openConnections();
        RealtimeConnection connection = realtime.connect(Fixtures.FLUX, result -> {
        });
        CompletableFuture<RealtimeResult> pending = connection.send(prompt("never answered", 1)).toCompletableFuture();
        connection.close();

        ExecutionException given = assertThrows(ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
        assertInstanceOf(CancellationException.class, given.getCause());
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> connection.send(prompt("too late", 2)).toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertEquals(ErrorCode.CONNECTION_LOST, ((RealtimeException) refused.getCause()).code());
        // Other tests' shared connections may be winding down meanwhile; this one must be gone.
        await().until(() -> realtime.openConnections() <= openBefore);
    }

    @Test
    void closingForAReasonFailsTheWaitingInputsWithItCountingTheirSends() throws Exception {
        simulator.update(s -> s.latency(new Latency(Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO)));
        long inputsBefore = simulator.stats().inputs(Fixtures.FLUX);
        RealtimeConnection connection = realtime.connect(Fixtures.FLUX, RealtimeOptions.defaults().withMaxBuffering(1), result -> {
        });
        CompletableFuture<RealtimeResult> sent = connection.send(prompt("sent, never answered", 1)).toCompletableFuture();
        CompletableFuture<RealtimeResult> waiting = connection.send(prompt("never sent", 2)).toCompletableFuture();
        await().until(() -> simulator.stats().inputs(Fixtures.FLUX) > inputsBefore);
        connection.close(new RealtimeException(ErrorCode.TIMEOUT, "the caller's deadline passed"));

        for (var expected : List.of(Map.entry(sent, 1), Map.entry(waiting, 0))) {
            ExecutionException failed = assertThrows(ExecutionException.class, () -> expected.getKey().get(10, TimeUnit.SECONDS));
            InputFailedException failure = assertInstanceOf(InputFailedException.class, failed.getCause());
            assertEquals(ErrorCode.TIMEOUT, failure.code());
            assertEquals("the caller's deadline passed", failure.getMessage());
            assertEquals(expected.getValue(), failure.attempts());
        }
    }

    @Test
    void inputsThatCannotBeEncodedFailAtOnce() {
        try (RealtimeConnection connection = realtime.connect(Fixtures.FLUX, result -> {
        })) {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> connection.send(Map.of("prompt", new Object())).toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertEquals(ErrorCode.INVALID_INPUT, ((RealtimeException) failure.getCause()).code());
        }
    }

    @Test
    void optionsAreCheckedWhenConnecting() {
        assertEquals("throttleInterval must be between 32 and 10000 ms (inclusive); got 10", assertThrows(RealtimeException.class,
                () -> realtime.connect(Fixtures.FLUX, RealtimeOptions.defaults().withThrottleInterval(Duration.ofMillis(10)), r -> {
                })).getMessage());
        assertEquals(ErrorCode.INVALID_INPUT, assertThrows(RealtimeException.class,
                () -> realtime.connect("evil.com/x", r -> {
                })).code());
        assertEquals(ErrorCode.INVALID_INPUT, assertThrows(RealtimeException.class,
                () -> realtime.connect(Fixtures.FLUX, RealtimeOptions.defaults().withMaxBuffering(0), r -> {
                })).code());
    }

    @Test
    void aRefusedTokenIsUnauthorizedForEveryWaitingInput() {
        simulator.update(s -> s.refuseTokens(true));
        RecordingListener listener = new RecordingListener();
        try (RealtimeConnection connection = realtime.connect(Fixtures.LTX, listener)) {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> connection.send(Map.of("prompt", "x", "num_frames", 1)).toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertEquals(ErrorCode.UNAUTHORIZED, ((RealtimeException) failure.getCause()).code());
        }
    }
}
