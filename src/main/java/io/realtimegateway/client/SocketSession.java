package io.realtimegateway.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.quarkus.logging.Log;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.UpstreamMessage;
import io.realtimegateway.protocol.UpstreamMessage.FalError;
import io.realtimegateway.telemetry.LogFields;
import io.realtimegateway.telemetry.SocketTrace;

/**
 * One socket's life, one fal session: created by its link when the upgrade succeeds, dropped when the socket ends, so
 * nothing of one socket (its answers, what it heard, its timers) is carried into the next. While it lives it sends
 * what its link's {@link InFlightWindow} lets go, gives each answer to its input, watches for an upstream gone silent,
 * and counts itself in {@code gateway_upstream_connections}; when the socket ends it settles the inputs left
 * unanswered as its {@link SessionVerdict} says, and tells the session guard how the {@link Attempt} went.
 * Serial only: a part of its link, run on the link's executor.
 */
final class SocketSession {

    /** The close code of a socket its link closed: a normal close. */
    private static final int CLOSED_BY_US = 1000;

    private final UpstreamLink link;
    private final InFlightWindow window;
    private final LinkPacing pacing;
    private final UpstreamSocket socket;
    private final int number;
    /** What the guard and the breaker wait for: the end of this session, and its first answer. */
    private final Attempt attempt;
    /** Its span, from the attempt that opened it to its end. */
    private final SocketTrace trace;
    private int answered;
    /** Sends on this socket, and those of them that were an input's second or later. */
    private int sent;
    private int resent;
    private SessionVerdict.Heard heard = SessionVerdict.Heard.NOTHING;
    /** Armed while sends wait for their pacing; {@link Scheduler.Timer#NONE} otherwise. */
    private Scheduler.Timer pumpTimer = Scheduler.Timer.NONE;
    /** Armed while an unanswered input is watched for silence; {@link Scheduler.Timer#NONE} otherwise. */
    private Scheduler.Timer stallTimer = Scheduler.Timer.NONE;
    private boolean ended;

    /** @param number 1 for its link's first socket, 2 for the next, ... */
    SocketSession(UpstreamLink link, UpstreamSocket socket, int number, Attempt attempt, SocketTrace trace) {
        this.link = link;
        this.window = link.window();
        this.pacing = link.pacing();
        this.socket = socket;
        this.number = number;
        this.attempt = attempt;
        this.trace = trace;
        link.services().openSockets().incrementAndGet();
    }

    boolean carries(UpstreamSocket other) {
        return socket == other;
    }

    /** Sends what the window lets go now; arms a timer for what pacing holds back, and the watch for silence. */
    void pump() {
        Duration throttle = pacing.throttle();
        for (PendingInput input; (input = window.send(throttle)) != null;) {
            input.owner().sentOn(number, throttle);
            socket.send(input.frame());
            sent++;
            if (input.sends() > 1) {
                resent++;
            }
            trace.sent(input.sends(), input.owner().trace());
        }
        long wait = window.nextSendDelay(throttle);
        if (wait != Long.MAX_VALUE && pumpTimer == Scheduler.Timer.NONE) {
            pumpTimer = link.after(wait, () -> {
                pumpTimer = Scheduler.Timer.NONE;
                if (!ended) {
                    pump();
                }
            });
        }
        watchForStall();
    }

    /** A frame from the socket, classified. */
    void received(UpstreamMessage message) {
        if (message instanceof UpstreamMessage.Result result) {
            resultArrived(result.output());
        } else if (message instanceof FalError error && error.isIdleTimeout()) {
            heard = heard.idleNoticed();
        } else if (message instanceof FalError error && error.isRateLimit()) {
            refusedForRateLimit(error);
        } else if (message instanceof FalError error) {
            heard = heard.sessionError(error);
        } else if (message instanceof UpstreamMessage.Unauthorized) {
            heard = heard.tokenRefused();
            closeItself("the upstream refused the token");
        } else if (message instanceof UpstreamMessage.Malformed malformed) {
            answerOldest(new RealtimeException(ErrorCode.UPSTREAM_ERROR, "the upstream sent a malformed frame: " + malformed.problem()));
        }
        // Info messages (timings) are not results: nothing to do.
    }

    private void resultArrived(Map<String, Object> output) {
        PendingInput input = window.answer(output);
        if (input == null) {
            try (LogFields fields = trace.logFields()) {
                Log.warnf("%s sent a result with no input waiting; dropped (connectionKeyHash=%s)", link.settings().app(), link.settings().keyForLogs());
            }
            return;
        }
        answered++;
        attempt.proved();
        input.succeed(output, link.services().scheduler().nanoTime());
        pump();
    }

    /** The refusal answers the oldest input, which goes back to the front of the line; sends slow down. */
    private void refusedForRateLimit(FalError error) {
        PendingInput refused = window.takeOldest();
        if (refused != null && !window.resend(refused)) {
            refused.fail(new RealtimeException(ErrorCode.RATE_LIMITED, "the upstream kept refusing the input for its rate limit: "
                    + error.describe(), pacing.throttle(), null));
        }
        window.pauseFor(pacing.slowDown(null));
        pump();
    }

    /** The oldest unanswered input is the one a garbled frame answers; the session goes on. */
    private void answerOldest(RealtimeException error) {
        PendingInput oldest = window.takeOldest();
        if (oldest != null) {
            oldest.fail(error);
        }
        pump();
    }

    private void watchForStall() {
        long due = window.stallDueIn(link.services().limits().inputTimeout());
        if (due != Long.MAX_VALUE && stallTimer == Scheduler.Timer.NONE) {
            stallTimer = link.after(Math.max(0, due), () -> {
                stallTimer = Scheduler.Timer.NONE;
                if (!ended) {
                    checkForStall();
                }
            });
        }
    }

    /** The oldest input has waited the input timeout, or it was answered and the next is watched instead. */
    private void checkForStall() {
        Duration timeout = link.services().limits().inputTimeout();
        long due = window.stallDueIn(timeout);
        if (due > 0) {
            watchForStall();
            return;
        }
        List<PendingInput> silent = window.takeUnanswered();
        try (LogFields fields = trace.logFields()) {
            Log.warnf("%s answered nothing for %d ms; giving up on %d inputs (connectionKeyHash=%s)", link.settings().app(),
                    (timeout.toNanos() - due) / 1_000_000, silent.size(), link.settings().keyForLogs());
        }
        RealtimeException timedOut = new RealtimeException(ErrorCode.TIMEOUT, "no result within " + timeout.toMillis()
                + " ms of sending (gateway.resilience.input-timeout); the upstream went silent");
        silent.forEach(input -> input.fail(timedOut));
        heard = heard.closedOurselves();
        closeItself("the upstream went silent");
    }

    /**
     * Closes the socket and settles it at once. Its close event may never come: when the peer does not answer our
     * close frame, Quarkus's connector fails on Vert.x's provisional code 1006 before calling us back.
     */
    private void closeItself(String why) {
        closed(1000, why);
        socket.close();
    }

    /** The socket ended: the inputs it left unanswered get what the verdict says; then the link and the guard hear of it. */
    void closed(int code, String reason) {
        List<PendingInput> lost = window.takeUnanswered();
        SessionVerdict verdict = SessionVerdict.of(heard, code, lost.size(), answered);
        // Once per private socket, at DEBUG: the fields are made only when the line is written.
        if (Log.isEnabled(link.settings().eventLevel())) {
            try (LogFields fields = trace.logFields()) {
                Log.logf(link.settings().eventLevel(), "Disconnected from %s (connectionKeyHash=%s, code=%d, unanswered=%d, %s)", link.settings().app(),
                        link.settings().keyForLogs(), code, lost.size(), verdict.forLogs());
            }
        }
        trace.ended(new SocketTrace.SocketEnd(verdict.getClass().getSimpleName(), code, sent, resent, answered, lost.size()));
        RealtimeException attemptFailure = settle(verdict, lost);
        link.sessionEnded(verdict, code, reason);
        end(attemptFailure);
    }

    /** Returns why the attempt failed, if it did: lost before any answer, so the guard backs off and the breaker counts it. */
    private RealtimeException settle(SessionVerdict verdict, List<PendingInput> lost) {
        if (verdict instanceof SessionVerdict.RefusedToken refused) {
            RealtimeException failure = refused.failure(link.settings().app());
            lost.forEach(input -> input.fail(failure));
            window.drain().forEach(input -> input.fail(failure));
        } else if (verdict instanceof SessionVerdict.BlameOne blamed) {
            lost.get(0).fail(blamed.failure());
        } else if (verdict instanceof SessionVerdict.Lost connectionLost) {
            window.requeue(lost, false);
            return connectionLost.failsAttempt() ? connectionLost.failure(link.settings().app()) : null;
        } else {
            window.requeue(lost, verdict instanceof SessionVerdict.Isolate);
        }
        return null;
    }

    /**
     * Its link retired: the socket closes, and the guard, which waits for this session, gets its bulkhead slot back.
     * Completes once the socket is closed.
     */
    CompletionStage<Void> abandon() {
        trace.ended(new SocketTrace.SocketEnd("Retired", CLOSED_BY_US, sent, resent, answered, window.unansweredCount()));
        CompletionStage<Void> closed = socket.close();
        end(null);
        return closed;
    }

    private void end(RealtimeException failure) {
        if (ended) {
            return;
        }
        ended = true;
        pumpTimer.cancel();
        stallTimer.cancel();
        link.services().openSockets().decrementAndGet();
        if (failure == null) {
            attempt.succeeded();
        } else {
            attempt.failed(failure);
        }
    }
}
