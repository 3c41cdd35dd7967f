package io.realtimegateway.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntFunction;

/**
 * Send one input, wait for its result, send the next: driven from the result callbacks, as fal's JavaScript
 * client runs on Node's event loop, so no thread hand-off is timed. Records each round trip.
 */
final class AsyncLoop {

    private final long[] durations;
    private final IntFunction<CompletionStage<?>> send;
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private long startNanos;

    private AsyncLoop(int iterations, IntFunction<CompletionStage<?>> send) {
        this.durations = new long[iterations];
        this.send = send;
    }

    /** Runs the loop; completes with the wall time of all iterations, the round trips kept in {@code durations}. */
    static AsyncLoop run(int iterations, IntFunction<CompletionStage<?>> send) {
        AsyncLoop loop = new AsyncLoop(iterations, send);
        loop.startNanos = System.nanoTime();
        loop.next(0);
        return loop;
    }

    CompletableFuture<Long> done() {
        return done;
    }

    long[] durations() {
        return durations;
    }

    private void next(int iteration) {
        if (iteration == durations.length) {
            done.complete(System.nanoTime() - startNanos);
            return;
        }
        long sentAt = System.nanoTime();
        send.apply(iteration).whenComplete((result, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            durations[iteration] = System.nanoTime() - sentAt;
            next(iteration + 1);
        });
    }
}
