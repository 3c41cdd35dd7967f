package io.realtimegateway.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import io.quarkus.logging.Log;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.ResultCorrelation;

/** One input on its way: encoded once, sent one or more times, completed exactly once. Touched only by its link. */
final class PendingInput {

    final ConnectionHandle owner;
    final ResultCorrelation.Echo echo;
    final byte[] frame;
    final CompletableFuture<RealtimeResult> outcome = new CompletableFuture<>();
    private int sends;
    private long lastSentNanos;
    /** Set while the culprit of an error close is searched for: this input is resent alone. */
    boolean suspect;
    private boolean abandoned;
    private boolean settled;

    PendingInput(ConnectionHandle owner, ResultCorrelation.Echo echo, byte[] frame) {
        this.owner = owner;
        this.echo = echo;
        this.frame = frame;
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

    /** The listener hears an outcome before the returned stage completes, so either view is complete when read. */
    void succeed(Map<String, Object> output, long nowNanos) {
        if (settle()) {
            notifyListener(() -> owner.listener().onResult(output));
            outcome.complete(new RealtimeResult(output, sends, Duration.ofNanos(nowNanos - lastSentNanos)));
        }
    }

    void fail(RealtimeException error) {
        if (settle()) {
            InputFailedException failure = new InputFailedException(error, sends);
            notifyListener(() -> owner.listener().onError(failure));
            outcome.completeExceptionally(failure);
        }
    }

    /** Its caller gave up on it; a result that still arrives is dropped. */
    void abandon() {
        abandon(null);
    }

    /** Its caller gave up on it for this reason, if one is given (its stage then fails with the count of its sends). */
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

    private static void notifyListener(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            Log.warn("A real-time listener threw; the connection carries on", e);
        }
    }
}
