package io.realtimegateway.client;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/**
 * The session guards as {@code UpstreamGuards} configures them, without SmallRye: failed attempts that are worth it
 * (lost connections, rate limits) are retried after a fixed back-off on the fake clock, up to a budget; the breaker
 * lets everything through unless the test opens it.
 */
final class FakeGuards implements SessionGuards {

    static final Duration BACK_OFF = Duration.ofMillis(100);
    private static final Set<ErrorCode> RETRIED = EnumSet.of(ErrorCode.CONNECTION_LOST, ErrorCode.RATE_LIMITED);

    private final FakeScheduler clock;
    private final int maxRetries;
    boolean breakerOpen;
    int attempts;
    int retries;

    FakeGuards(FakeScheduler clock, int maxRetries) {
        this.clock = clock;
        this.maxRetries = maxRetries;
    }

    @Override
    public CompletionStage<Void> run(AppId app, String path, Supplier<CompletionStage<Void>> attempt) {
        CompletableFuture<Void> run = new CompletableFuture<>();
        tryOnce(attempt, maxRetries, run);
        return run;
    }

    private void tryOnce(Supplier<CompletionStage<Void>> attempt, int retriesLeft, CompletableFuture<Void> run) {
        attempts++;
        attempt.get().whenComplete((done, failure) -> {
            if (failure == null) {
                run.complete(null);
            } else if (retriesLeft > 0 && RealtimeException.unwrap(failure) instanceof RealtimeException known && RETRIED.contains(known.code())) {
                retries++;
                clock.schedule(BACK_OFF.toNanos(), () -> tryOnce(attempt, retriesLeft - 1, run));
            } else {
                run.completeExceptionally(new CompletionException(RealtimeException.from(failure)));
            }
        });
    }

    @Override
    public CompletionStage<Void> judge(AppId app, Supplier<CompletionStage<Void>> connection) {
        if (breakerOpen) {
            return CompletableFuture.failedFuture(new CompletionException(new RealtimeException(ErrorCode.CIRCUIT_OPEN, "the breaker is open")));
        }
        return connection.get();
    }
}
