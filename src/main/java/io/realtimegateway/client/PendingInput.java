package io.realtimegateway.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.ResultCorrelation;
import io.realtimegateway.telemetry.TraceParent;

/**
 * One input on its way: encoded once, sent one or more times, settled exactly once (a result, a failure, or given
 * up by its caller). Serial only: its link's executor is the only thread that changes it; callers see it through
 * {@link #outcome()}.
 */
final class PendingInput {

    /** Who sent it: hears its outcome, and counts the sockets and pacing its sends met. */
    interface Owner {

        /** Calls the owner's listener; a listener that throws is logged and the connection carries on. */
        void notify(Consumer<RealtimeListener> callback);

        /** The input went out on the link's {@code socketNumber}-th socket, paced at {@code throttle}. Serial only. */
        void sentOn(int socketNumber, Duration throttle);

        /** The trace its caller works for: a socket opened for its inputs is traced as a child of it. */
        TraceParent trace();
    }

    private final Owner owner;
    private final ResultCorrelation.Echo echo;
    private final byte[] frame;
    private final CompletableFuture<RealtimeResult> outcome = new CompletableFuture<>();
    private int sends;
    /** When it last went out; meaningless while {@link #sends} is 0. */
    private long lastSentNanos;
    private boolean settled;
    /** Settled because its caller gave up on it: still counts when blame is decided, but is never resent. */
    private boolean abandoned;

    PendingInput(Owner owner, ResultCorrelation.Echo echo, byte[] frame) {
        this.owner = owner;
        this.echo = echo;
        this.frame = frame;
    }

    Owner owner() {
        return owner;
    }

    ResultCorrelation.Echo echo() {
        return echo;
    }

    byte[] frame() {
        return frame;
    }

    /** Completes once with the result or an {@link InputFailedException}; a {@link CancellationException} if given up. */
    CompletionStage<RealtimeResult> outcome() {
        return outcome.minimalCompletionStage();
    }

    void markSent(long nowNanos) {
        sends++;
        lastSentNanos = nowNanos;
    }

    int sends() {
        return sends;
    }

    long lastSentNanos() {
        return lastSentNanos;
    }

    boolean abandoned() {
        return abandoned;
    }

    /** The listener hears an outcome before the stage completes, so either view is complete when the other is read. */
    void succeed(Map<String, Object> output, long nowNanos) {
        if (settle()) {
            owner.notify(listener -> listener.onResult(output));
            outcome.complete(new RealtimeResult(output, sends, Duration.ofNanos(nowNanos - lastSentNanos)));
        }
    }

    void fail(RealtimeException error) {
        if (settle()) {
            InputFailedException failure = new InputFailedException(error, sends);
            owner.notify(listener -> listener.onError(failure));
            outcome.completeExceptionally(failure);
        }
    }

    /**
     * Its caller gave up on it; a result that still arrives is dropped and the listener is not called. The stage fails
     * with the reason, as an {@link InputFailedException} counting its sends, or with a {@link CancellationException}
     * when there is none.
     */
    void abandon(RealtimeException reason) {
        if (settle()) {
            abandoned = true;
            outcome.completeExceptionally(reason == null ? new CancellationException("the connection was closed before this input was answered")
                    : new InputFailedException(reason, sends));
        }
    }

    /** True the first time only: each input has exactly one outcome. */
    private boolean settle() {
        if (settled) {
            return false;
        }
        settled = true;
        return true;
    }
}
