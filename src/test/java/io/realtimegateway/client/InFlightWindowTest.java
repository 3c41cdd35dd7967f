package io.realtimegateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/** The window's rules in plain JUnit, on a fake clock: capacity, pacing, matching, requeueing, isolation, giving up. */
class InFlightWindowTest {

    private static final Duration THROTTLE = Duration.ofMillis(64);

    private final FakeScheduler clock = new FakeScheduler();
    private final RecordingOwner owner = new RecordingOwner();

    private InFlightWindow window(int maxBuffering) {
        return new InFlightWindow(clock::nanoTime, maxBuffering, 5);
    }

    @Test
    void theFirstInputGoesAtOnceAndIsStampedAsSent() {
        InFlightWindow window = window(2);
        PendingInput input = owner.input(1);
        window.add(input);

        assertEquals(0, window.nextSendDelay(THROTTLE));
        assertSame(input, window.send(THROTTLE));
        assertEquals(1, input.sends());
        assertEquals(clock.nanoTime(), input.lastSentNanos());
        assertEquals(1, window.unansweredCount());
    }

    @Test
    void nothingWaitingIsNotATimedWait() {
        assertEquals(Long.MAX_VALUE, window(2).nextSendDelay(THROTTLE));
        assertNull(window(2).send(THROTTLE));
    }

    @Test
    void neverMoreUnansweredThanMaxBufferingWhateverThePacing() {
        InFlightWindow window = sending(2, 2, 1, 2, 3);

        assertNull(window.send(Duration.ZERO));
        assertEquals(Long.MAX_VALUE, window.nextSendDelay(Duration.ZERO), "full: only an answer frees a place");
        clock.advance(Duration.ofHours(1));
        assertNull(window.send(Duration.ZERO), "time does not free a place either");

        window.answer(Map.of("seed", 1L));
        assertEquals(3, window.send(Duration.ZERO).echo().seed());
    }

    @Test
    void theNextSendWaitsTheThrottleFromTheLastSend() {
        InFlightWindow window = window(2);
        window.add(owner.input(1));
        window.add(owner.input(2));
        window.send(THROTTLE);

        assertEquals(THROTTLE.toNanos(), window.nextSendDelay(THROTTLE));
        clock.advance(Duration.ofMillis(63));
        assertEquals(Duration.ofMillis(1).toNanos(), window.nextSendDelay(THROTTLE));
        assertNull(window.send(THROTTLE));
        clock.advance(Duration.ofMillis(1));
        assertEquals(2, window.send(THROTTLE).echo().seed());
    }

    @Test
    void aRateLimitPauseOutlastsTheThrottleAndAShorterOneDoesNotCutItShort() {
        InFlightWindow window = window(2);
        window.add(owner.input(1));
        window.pauseFor(Duration.ofMillis(500));
        window.pauseFor(Duration.ofMillis(100));

        assertEquals(Duration.ofMillis(500).toNanos(), window.nextSendDelay(THROTTLE));
        clock.advance(Duration.ofMillis(500));
        assertEquals(0, window.nextSendDelay(THROTTLE));
    }

    @Test
    void aNewHolderWithALongerThrottleWaitsOnlyTheGapThePreviousHolderAskedFor() {
        InFlightWindow window = oneSentOneWaiting();
        window.handOver(THROTTLE, Duration.ofSeconds(1));
        assertEquals(THROTTLE.toNanos(), window.nextSendDelay(Duration.ofSeconds(1)));
    }

    @Test
    void aNewHolderWithAShorterThrottleGetsItsOwnPacing() {
        InFlightWindow window = oneSentOneWaiting();
        window.handOver(THROTTLE, Duration.ofMillis(32));
        assertEquals(Duration.ofMillis(32).toNanos(), window.nextSendDelay(Duration.ofMillis(32)));
    }

    /** A window holding inputs with these seeds, the first {@code sent} of them sent, unpaced. */
    private InFlightWindow sending(int maxBuffering, int sent, int... seeds) {
        return holding(maxBuffering, sent, java.util.Arrays.stream(seeds).mapToObj(owner::input).toArray(PendingInput[]::new));
    }

    /** A window holding these inputs, the first {@code sent} of them sent, unpaced. */
    private InFlightWindow holding(int maxBuffering, int sent, PendingInput... inputs) {
        InFlightWindow window = window(maxBuffering);
        for (PendingInput input : inputs) {
            window.add(input);
        }
        for (int i = 0; i < sent; i++) {
            window.send(Duration.ZERO);
        }
        return window;
    }

    /** A window whose holder has just sent one input, paced at {@link #THROTTLE}, with the next one waiting. */
    private InFlightWindow oneSentOneWaiting() {
        InFlightWindow window = window(2);
        window.add(owner.input(1));
        window.send(THROTTLE);
        window.add(owner.input(2));
        return window;
    }

    @Test
    void resultsAnswerTheOldestUnlessTheyEchoAnotherInput() {
        InFlightWindow window = sending(3, 3, 1, 2, 3);

        assertEquals(2, window.answer(Map.of("seed", 2L)).echo().seed(), "the echoed seed wins over position");
        assertEquals(1, window.answer(Map.of("images", List.of())).echo().seed(), "no echo: the oldest");
        assertEquals(3, window.answer(Map.of("seed", 99L)).echo().seed(), "an echo of nothing waiting: the oldest");
        assertNull(window.answer(Map.of("seed", 3L)), "nothing waiting");
    }

    @Test
    void anInputThatHasUsedItsSendsFailsInsteadOfGoingOutAgain() throws Exception {
        InFlightWindow window = new InFlightWindow(clock::nanoTime, 2, 2);
        PendingInput input = owner.input(1);
        window.add(input);
        for (int send = 0; send < 2; send++) {
            assertSame(input, window.send(Duration.ZERO));
            window.requeue(window.takeUnanswered(), false);
        }

        assertNull(window.send(Duration.ZERO));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> input.outcome().toCompletableFuture().get());
        InputFailedException failure = assertInstanceOf(InputFailedException.class, failed.getCause());
        assertEquals(ErrorCode.CONNECTION_LOST, failure.code());
        assertEquals("sent 2 times without an answer (gateway.client.max-sends-per-input); the upstream keeps closing the connection",
                failure.getMessage());
        assertEquals(2, failure.attempts());
        assertTrue(window.isEmpty());
    }

    @Test
    void whatAClosedSocketLeftUnansweredGoesOutFirstInItsOrderWithoutTheAbandoned() {
        InFlightWindow window = window(2);
        RecordingOwner leaving = new RecordingOwner();
        PendingInput first = owner.input(1);
        PendingInput abandoned = leaving.input(2);
        window.add(first);
        window.add(abandoned);
        window.add(owner.input(3));
        window.send(Duration.ZERO);
        window.send(Duration.ZERO);
        window.abandon(leaving, null);

        List<PendingInput> lost = window.takeUnanswered();
        assertEquals(List.of(first, abandoned), lost, "the abandoned still count when blame is decided");
        window.requeue(lost, false);
        assertEquals(List.of(1, 3), List.of(window.send(Duration.ZERO).echo().seed(), window.send(Duration.ZERO).echo().seed()));
    }

    @Test
    void suspectsGoOutOneAtATimeUntilEachIsAnsweredThenTheFullWindowIsBack() {
        InFlightWindow window = sending(3, 2, 1, 2);
        List.of(3, 4, 5).forEach(seed -> window.add(owner.input(seed)));

        window.requeue(window.takeUnanswered(), true);
        assertEquals(1, window.capacity());
        assertEquals(1, window.send(Duration.ZERO).echo().seed());
        assertNull(window.send(Duration.ZERO), "one suspect at a time");
        window.answer(Map.of("seed", 1L));
        assertEquals(1, window.capacity(), "the next suspect is next");
        assertEquals(2, window.send(Duration.ZERO).echo().seed());
        assertNull(window.send(Duration.ZERO), "nothing goes out beside the last suspect either");
        window.answer(Map.of("seed", 2L));

        assertEquals(3, window.capacity());
        assertEquals(List.of(3, 4, 5), List.of(window.send(Duration.ZERO).echo().seed(), window.send(Duration.ZERO).echo().seed(),
                window.send(Duration.ZERO).echo().seed()));
    }

    @Test
    void aCallerGivingUpTakesItsUnsentInputsOutAndLeavesItsUnansweredOnesCounted() throws Exception {
        PendingInput sent = owner.input(1);
        PendingInput waiting = owner.input(2);
        InFlightWindow window = holding(1, 1, sent, waiting);

        window.abandon(owner, new RealtimeException(ErrorCode.TIMEOUT, "deadline"));

        assertEquals(List.of(1, 0), List.of(attemptsOfFailure(sent), attemptsOfFailure(waiting)));
        assertEquals(1, window.unansweredCount(), "a result may still come for it");
        assertTrue(!window.hasUnsent());
        assertSame(sent, window.answer(Map.of("seed", 1L)));
        assertEquals(List.of(), owner.listener.events, "the listener hears nothing of inputs given up");
    }

    @Test
    void givingUpWithoutAReasonCancels() {
        InFlightWindow window = window(1);
        PendingInput input = owner.input(1);
        window.add(input);
        window.abandon(owner, null);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> input.outcome().toCompletableFuture().get());
        assertInstanceOf(CancellationException.class, failed.getCause());
    }

    @Test
    void aRefusedInputGoesBackToTheFrontUntilItHasUsedItsSends() {
        InFlightWindow window = new InFlightWindow(clock::nanoTime, 2, 1);
        PendingInput refused = owner.input(1);
        window.add(owner.input(2));
        window.add(refused);
        window.send(Duration.ZERO);
        window.answer(Map.of("seed", 2L));
        window.send(Duration.ZERO);

        assertSame(refused, window.takeOldest());
        assertTrue(!window.resend(refused), "its one send is used");
        window = window(2);
        PendingInput again = owner.input(3);
        window.add(owner.input(4));
        window.add(again);
        window.send(Duration.ZERO);
        window.send(Duration.ZERO);
        window.takeOldest();
        PendingInput oldest = window.takeOldest();
        assertTrue(window.resend(oldest));
        assertSame(oldest, window.send(Duration.ZERO));
    }

    @Test
    void theStallWatchFollowsTheOldestUnansweredInput() {
        InFlightWindow window = window(2);
        Duration timeout = Duration.ofSeconds(3);
        assertEquals(Long.MAX_VALUE, window.stallDueIn(timeout));
        window.add(owner.input(1));
        window.add(owner.input(2));
        window.send(Duration.ZERO);
        clock.advance(Duration.ofSeconds(1));
        window.send(Duration.ZERO);

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ofSeconds(1).toNanos(), window.stallDueIn(timeout));
        window.answer(Map.of("seed", 1L));
        assertEquals(Duration.ofSeconds(2).toNanos(), window.stallDueIn(timeout), "now the second one is watched");
        clock.advance(Duration.ofSeconds(3));
        assertTrue(window.stallDueIn(timeout) < 0);
    }

    @Test
    void drainingGivesEverythingUnansweredFirst() {
        PendingInput sent = owner.input(1);
        PendingInput unsent = owner.input(2);
        InFlightWindow window = holding(1, 1, sent, unsent);
        assertEquals(List.of(sent, unsent), window.drain());
        assertTrue(window.isEmpty());
    }

    private static int attemptsOfFailure(PendingInput input) throws InterruptedException {
        try {
            input.outcome().toCompletableFuture().get();
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return ((InputFailedException) e.getCause()).attempts();
        }
    }
}
