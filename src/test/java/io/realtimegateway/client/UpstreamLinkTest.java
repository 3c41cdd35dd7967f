package io.realtimegateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.UpstreamMessage;
import io.realtimegateway.protocol.UpstreamMessage.FalError;

/**
 * A link's whole life in plain JUnit, the way OkHttp tests its web socket with {@code TaskFaker}: a fake upstream whose
 * sockets the test reads and writes, fake session guards, and a clock that moves only when the test says. Everything
 * runs on the test thread, so every step is deterministic and no test waits for real time.
 */
class UpstreamLinkTest {

    private static final String INVALID = "1 validation error for Input\nprompt\n  field required";
    private static final Duration THROTTLE = Duration.ofMillis(64);

    private final LinkHarness harness = new LinkHarness();
    private final FakeUpstream upstream = harness.upstream;
    private final RecordingListener listener = new RecordingListener();

    @Test
    void inputsGoOutPacedAndNeverMoreUnansweredThanMaxBuffering() {
        RealtimeConnection connection = harness.connect(2, THROTTLE, null, listener);
        List<CompletableFuture<RealtimeResult>> sent = sendAll(connection, 1, 2, 3, 4);
        FakeUpstream.Socket socket = upstream.latest();

        assertEquals(List.of(1L), socket.seeds(), "the first at once");
        harness.clock.advance(THROTTLE);
        assertEquals(List.of(1L, 2L), socket.seeds(), "the next a throttle later");
        harness.clock.advance(THROTTLE.multipliedBy(10));
        assertEquals(List.of(1L, 2L), socket.seeds(), "two unanswered: the window is full, whatever the time");

        socket.answer(1);
        assertEquals(List.of(1L, 2L, 3L), socket.seeds(), "an answer frees a place, and the pacing has long passed");
        socket.answer(2);
        assertEquals(List.of(1L, 2L, 3L), socket.seeds(), "a place, but the pacing holds it");
        harness.clock.advance(THROTTLE);
        assertEquals(List.of(1L, 2L, 3L, 4L), socket.seeds());
        assertEquals(1L, sent.get(0).join().output().get("seed"));
        assertEquals(1, sent.get(0).join().attempts());
    }

    @Test
    void anErrorCloseWithOneInputInFlightBlamesItAndSendsNothingAgain() {
        RealtimeConnection connection = harness.connect(2, listener);
        CompletableFuture<RealtimeResult> culprit = send(connection, 1);

        upstream.latest().endOver(INVALID);

        InputFailedException failure = failure(culprit);
        assertEquals(ErrorCode.INVALID_INPUT, failure.code());
        assertEquals("the upstream rejected the input: INTERNAL_ERROR: " + INVALID, failure.getMessage());
        assertEquals(1, failure.attempts());
        assertEquals(1, upstream.sockets.size(), "nothing else waits: no reconnect");
        assertEquals(List.of("open", "error", "close:1000"), listener.events);
    }

    @Test
    void withTwoInFlightTheFirstIsTheCulpritFoundByResendingThemOneAtATime() {
        RealtimeConnection connection = harness.connect(2, listener);
        CompletableFuture<RealtimeResult> culprit = send(connection, 1);
        CompletableFuture<RealtimeResult> innocent = send(connection, 2);
        assertEquals(List.of(1L, 2L), upstream.latest().seeds());

        upstream.latest().endOver(INVALID);
        assertEquals(2, upstream.sockets.size(), "reconnected at once: no input is lost, none blamed yet");
        assertEquals(List.of(1L), upstream.latest().seeds(), "the suspects go one at a time");
        upstream.latest().endOver(INVALID);

        assertEquals(ErrorCode.INVALID_INPUT, failure(culprit).code());
        assertEquals(2, failure(culprit).attempts());
        assertEquals(List.of(2L), upstream.latest().seeds());
        upstream.latest().answer(2);
        assertEquals(2, innocent.join().attempts());
        assertEquals(0, harness.guards.retries, "error closes are no lost connections: no back-off");
        assertEquals(List.of(failure(culprit)), listener.errors, "only the culprit is blamed");
    }

    @Test
    void withTwoInFlightTheSecondIsTheCulpritAfterTheFirstIsAnswered() {
        RealtimeConnection connection = harness.connect(2, listener);
        CompletableFuture<RealtimeResult> innocent = send(connection, 1);
        CompletableFuture<RealtimeResult> culprit = send(connection, 2);
        upstream.latest().endOver(INVALID);

        FakeUpstream.Socket second = upstream.latest();
        assertEquals(List.of(1L), second.seeds());
        second.answer(1);
        assertEquals(List.of(1L, 2L), second.seeds(), "the next suspect goes once the first is cleared");
        second.endOver(INVALID);

        assertEquals(2, innocent.join().attempts());
        assertEquals(ErrorCode.INVALID_INPUT, failure(culprit).code());
        CompletableFuture<RealtimeResult> later = send(connection, 3);
        CompletableFuture<RealtimeResult> later2 = send(connection, 4);
        assertEquals(List.of(3L, 4L), upstream.latest().seeds(), "isolation is over: the whole window again");
        upstream.latest().answer(3);
        upstream.latest().answer(4);
        assertEquals(1, later.join().attempts() * later2.join().attempts());
    }

    @Test
    void withTheWholeWindowInFlightOnlyTheCulpritIsBlamedAndTheRestWaitTheirTurn() {
        RealtimeConnection connection = harness.connect(4, listener);
        List<CompletableFuture<RealtimeResult>> sent = sendAll(connection, 1, 2, 3, 4, 5, 6);
        assertEquals(List.of(1L, 2L, 3L, 4L), upstream.latest().seeds());
        upstream.latest().endOver(INVALID);

        FakeUpstream.Socket second = upstream.latest();
        second.answer(1);
        second.answer(2);
        assertEquals(List.of(1L, 2L, 3L), second.seeds(), "one suspect at a time, nothing newer beside them");
        second.endOver(INVALID);
        FakeUpstream.Socket third = upstream.latest();
        assertEquals(List.of(4L), third.seeds(), "the last suspect, alone");
        third.answer(4);
        assertEquals(List.of(4L, 5L, 6L), third.seeds(), "then the inputs that never shared a socket with the culprit, together");
        third.answer(5);
        third.answer(6);

        assertEquals(ErrorCode.INVALID_INPUT, failure(sent.get(2)).code());
        assertEquals(List.of(2, 2, 2, 1, 1), List.of(sent.get(0).join().attempts(), sent.get(1).join().attempts(),
                sent.get(3).join().attempts(), sent.get(4).join().attempts(), sent.get(5).join().attempts()));
        assertEquals(1, listener.errors.size());
    }

    @Test
    void anIdleCloseRacingASendResendsItWithoutAnyError() {
        RealtimeConnection connection = harness.connect(2, listener);
        CompletableFuture<RealtimeResult> caught = send(connection, 1);

        upstream.latest().say(new FalError("TIMEOUT", "no inputs, reconnect when needed!"));
        upstream.latest().drop(1000);

        assertEquals(List.of(1L), upstream.latest().seeds());
        assertEquals(2, upstream.sockets.size());
        upstream.latest().answer(1);
        assertEquals(2, caught.join().attempts());
        assertEquals(List.of(), listener.errors);
        assertEquals(1, connection.reconnects());
        assertEquals(0, harness.guards.retries);
    }

    @Test
    void aConnectionLostBeforeAnyAnswerBacksOffThenResends() {
        RealtimeConnection connection = harness.connect(2, listener);
        CompletableFuture<RealtimeResult> input = send(connection, 1);

        upstream.latest().drop(1006);
        assertEquals(1, upstream.sockets.size(), "backing off");
        harness.clock.advance(FakeGuards.BACK_OFF);

        assertEquals(2, upstream.sockets.size());
        assertEquals(List.of(1L), upstream.latest().seeds());
        upstream.latest().answer(1);
        assertEquals(2, input.join().attempts());
        assertEquals(1, harness.guards.retries, "the guard counted the failed attempt");
    }

    @Test
    void aConnectionLostAfterAnswersReconnectsAtOnceWithOnlyTheUnansweredInput() {
        RealtimeConnection connection = harness.connect(2, listener);
        sendAll(connection, 1, 2);
        upstream.latest().answer(1);

        upstream.latest().drop(1006);

        assertEquals(2, upstream.sockets.size(), "a flaky network, not a down upstream: no back-off");
        assertEquals(List.of(2L), upstream.latest().seeds());
        assertEquals(0, harness.guards.retries);
    }

    @Test
    void anInputWithoutAnAnswerForTheInputTimeoutFailsAndItsSocketIsClosed() {
        RealtimeConnection connection = harness.connect(2, listener);
        CompletableFuture<RealtimeResult> input = send(connection, 1);

        harness.clock.advance(harness.limits.inputTimeout().minusMillis(1));
        assertFalse(input.isDone());
        harness.clock.advance(Duration.ofMillis(1));

        assertEquals(ErrorCode.TIMEOUT, failure(input).code());
        assertEquals("no result within 3000 ms of sending (gateway.resilience.input-timeout); the upstream went silent",
                failure(input).getMessage());
        assertTrue(upstream.latest().closedByClient);
        assertEquals(0, harness.openSockets.get());
        send(connection, 2);
        assertEquals(List.of(2L), upstream.latest().seeds(), "the next input opens a new socket");
    }

    @Test
    void aPrivateHolderLeavingWithInputsInFlightRetiresTheLinkAndClosesItsSocketAtOnce() {
        RealtimeConnection connection = harness.connect(1, listener);
        CompletableFuture<RealtimeResult> inFlight = send(connection, 1);
        CompletableFuture<RealtimeResult> notSent = send(connection, 2);
        FakeUpstream.Socket socket = upstream.latest();

        CompletableFuture<Void> closed = connection.close(new RealtimeException(ErrorCode.TIMEOUT, "the caller went away")).toCompletableFuture();

        assertTrue(closed.isDone());
        assertTrue(socket.closedByClient, "closed in the same step, with no timer");
        assertEquals(0, harness.openSockets.get());
        assertEquals(List.of(1, 0), List.of(failure(inFlight).attempts(), failure(notSent).attempts()));
        assertEquals("the caller went away", failure(notSent).getMessage());
        socket.answer(1);
        harness.clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of(1L), socket.seeds(), "what was not sent is never sent");
        assertEquals(List.of("open"), listener.events, "inputs given up are not reported to the listener");
        assertEquals(0, harness.clock.armed(), "nothing of the link is left running");
    }

    @Test
    void aPrivateLinkLeftCleanWaitsWarmForTheNextCallerThenRetires() {
        RealtimeConnection first = harness.connect(2, listener);
        send(first, 1);
        upstream.latest().answer(1);
        first.close();
        assertFalse(upstream.latest().closedByClient);
        assertEquals(1, harness.openSockets.get(), "a warm socket still counts");

        RealtimeConnection second = harness.connect(2, new RecordingListener());
        send(second, 2);
        assertEquals(1, upstream.upgrades, "the next caller took the warm socket");
        assertEquals(List.of(1L, 2L), upstream.latest().seeds());
        upstream.latest().answer(2);
        second.close();

        harness.clock.advance(harness.limits.warmTimeout());
        assertTrue(upstream.latest().closedByClient);
        assertEquals(0, harness.openSockets.get());
    }

    @Test
    void closingTheIdleLinksCompletesOnceTheirSocketsHaveClosedAndLeavesHeldOnesOpen() {
        RealtimeConnection warm = harness.connect(2, listener);
        send(warm, 1);
        upstream.latest().answer(1);
        warm.close();
        FakeUpstream.Socket warmSocket = upstream.latest();
        RealtimeConnection held = harness.connect(2, THROTTLE, "held", new RecordingListener());
        send(held, 2);
        FakeUpstream.Socket heldSocket = upstream.latest();
        CompletableFuture<Void> upstreamConfirms = warmSocket.holdClose();

        CompletableFuture<Void> closed = harness.pool.closeIdle().toCompletableFuture();

        assertTrue(warmSocket.closedByClient, "the warm socket is closing");
        assertFalse(closed.isDone(), "not closed until the upstream has confirmed it");
        upstreamConfirms.complete(null);
        assertTrue(closed.isDone());
        assertFalse(heldSocket.closedByClient, "a connection somebody holds stays open");
        assertEquals(1, harness.openSockets.get());
    }

    @Test
    void aSharedLinkOutlivesItsHoldersForTheIdleTimeoutCountedFromTheLastOneLeaving() {
        RealtimeConnection alice = harness.connect(2, THROTTLE, "canvas", new RecordingListener());
        RealtimeConnection bob = harness.connect(2, THROTTLE, "canvas", new RecordingListener());
        send(alice, 1);
        upstream.latest().answer(1);
        alice.close();
        bob.close();

        harness.clock.advance(harness.limits.idleTimeout().minusSeconds(1));
        harness.connect(2, THROTTLE, "canvas", new RecordingListener()).close();
        harness.clock.advance(harness.limits.idleTimeout().minusMillis(1));
        assertFalse(upstream.latest().closedByClient, "the first idle timer was called off when a holder came back");
        harness.clock.advance(Duration.ofMillis(1));
        assertTrue(upstream.latest().closedByClient);
        assertEquals(1, upstream.upgrades);
    }

    @Test
    void aRefusedTokenFailsEveryWaitingInputAndIsForgotten() {
        RealtimeConnection connection = harness.connect(1, listener);
        CompletableFuture<RealtimeResult> sent = send(connection, 1);
        CompletableFuture<RealtimeResult> waiting = send(connection, 2);

        upstream.latest().say(new UpstreamMessage.Unauthorized());

        assertEquals(List.of(ErrorCode.UNAUTHORIZED, ErrorCode.UNAUTHORIZED), List.of(failure(sent).code(), failure(waiting).code()));
        assertEquals(1, upstream.tokensForgotten.size());
        assertTrue(upstream.latest().closedByClient);
        assertEquals(1, upstream.sockets.size(), "never retried");
    }

    @Test
    void aRateLimitRefusalSendsTheInputAgainAfterTheRaisedThrottle() {
        RealtimeConnection connection = harness.connect(2, THROTTLE, null, listener);
        CompletableFuture<RealtimeResult> input = send(connection, 1);

        upstream.latest().say(new FalError("RATE_LIMITED", "too many inputs"));

        Duration raised = THROTTLE.multipliedBy(2);
        assertEquals(Optional.of(raised), connection.rateLimited());
        harness.clock.advance(raised.minusMillis(1));
        assertEquals(List.of(1L), upstream.latest().seeds());
        harness.clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(1L, 1L), upstream.latest().seeds(), "the refused input keeps its place at the front");
        upstream.latest().answer(1);
        assertEquals(2, input.join().attempts());
        assertTrue(connection.throttleInterval().compareTo(raised) >= 0);
    }

    @Test
    void aMalformedFrameFailsTheOldestInputAndTheSessionGoesOn() {
        RealtimeConnection connection = harness.connect(2, listener);
        List<CompletableFuture<RealtimeResult>> sent = sendAll(connection, 1, 2);

        upstream.latest().say(new UpstreamMessage.Malformed("not msgpack"));
        upstream.latest().answer(2);

        assertEquals(ErrorCode.UPSTREAM_ERROR, failure(sent.get(0)).code());
        assertEquals(1, sent.get(1).join().attempts());
        assertEquals(1, upstream.sockets.size());
    }

    @Test
    void theSocketCountFollowsSocketsNotLinks() {
        RealtimeConnection connection = harness.connect(2, listener);
        send(connection, 1);
        upstream.latest().answer(1);
        assertEquals(1, harness.openSockets.get());

        upstream.latest().say(new FalError("TIMEOUT", "no inputs, reconnect when needed!"));
        upstream.latest().drop(1000);

        assertEquals(0, harness.openSockets.get(), "the link is still held, but fal closed its socket");
        send(connection, 2);
        assertEquals(1, harness.openSockets.get());
    }

    @Test
    void aHolderLeavingWhileItsSocketOpensLeavesTheLinkCleanSoTheSocketWaitsWarm() {
        FakeUpstream.HeldUpgrade upgrade = upstream.holdNextUpgrade();
        RealtimeConnection connection = harness.connect(2, listener);
        CompletableFuture<RealtimeResult> input = send(connection, 1);

        connection.close();
        assertInstanceOf(CancellationException.class, cause(input));
        FakeUpstream.Socket late = upgrade.accept();

        assertFalse(late.closedByClient, "nothing was sent: the link was left clean and parked");
        assertEquals(List.of(), late.seeds(), "the input given up is never sent");
        send(harness.connect(2, new RecordingListener()), 2);
        assertEquals(List.of(2L), late.seeds(), "the next caller skips the handshake");
    }

    @Test
    void aLinkRetiredWhileItConnectsClosesTheSocketThatArrivesLate() {
        FakeUpstream.HeldUpgrade upgrade = upstream.holdNextUpgrade();
        RealtimeConnection connection = harness.connect(2, listener);
        send(connection, 1);
        connection.close();

        harness.pool.closeIdle();
        FakeUpstream.Socket late = upgrade.accept();

        assertTrue(late.closedByClient);
        assertEquals(0, harness.openSockets.get());
        assertEquals(0, harness.clock.armed());
    }

    @Test
    void anOpenBreakerFailsTheWaitingInputsWithItsCodeWithoutConnecting() {
        harness.guards.breakerOpen = true;
        RealtimeConnection connection = harness.connect(2, listener);

        assertEquals(ErrorCode.CIRCUIT_OPEN, failure(send(connection, 1)).code());
        assertEquals(0, upstream.upgrades);
    }

    @Test
    void anUnexpectedExceptionIsAnUpstreamErrorAndIsNotRetried() {
        FakeUpstream.HeldUpgrade upgrade = upstream.holdNextUpgrade();
        RealtimeConnection connection = harness.connect(2, listener);
        CompletableFuture<RealtimeResult> input = send(connection, 1);

        upgrade.refuse(new IllegalStateException("a bug of ours"));

        assertEquals(ErrorCode.UPSTREAM_ERROR, failure(input).code());
        assertEquals("a bug of ours", failure(input).getMessage());
        assertEquals(0, harness.guards.retries);
    }

    @Test
    void aRefusedUpgradeWorthRetryingIsRetriedAndTheInputGoesOutOnTheNextSocket() {
        FakeUpstream.HeldUpgrade upgrade = upstream.holdNextUpgrade();
        RealtimeConnection connection = harness.connect(2, listener);
        CompletableFuture<RealtimeResult> input = send(connection, 1);

        upgrade.refuse(new RealtimeException(ErrorCode.CONNECTION_LOST, "HTTP 503 on the upgrade"));
        harness.clock.advance(FakeGuards.BACK_OFF);
        upstream.latest().answer(1);

        assertEquals(1, input.join().attempts(), "it was never sent on the refused attempt");
        assertEquals(1, harness.guards.retries);
        assertEquals(0, connection.reconnects(), "one socket carried its inputs");
    }

    private static CompletableFuture<RealtimeResult> send(RealtimeConnection connection, int seed) {
        return connection.send(Map.of("prompt", "a lighthouse, take " + seed, "seed", seed)).toCompletableFuture();
    }

    private static List<CompletableFuture<RealtimeResult>> sendAll(RealtimeConnection connection, int... seeds) {
        return java.util.Arrays.stream(seeds).mapToObj(seed -> send(connection, seed)).toList();
    }

    private static Throwable cause(CompletableFuture<?> stage) {
        assertTrue(stage.isCompletedExceptionally(), "expected a failure");
        try {
            stage.join();
            throw new AssertionError("unreachable");
        } catch (CompletionException | CancellationException e) {
            return e instanceof CancellationException ? e : e.getCause();
        }
    }

    private static InputFailedException failure(CompletableFuture<?> stage) {
        return assertInstanceOf(InputFailedException.class, cause(stage));
    }
}
