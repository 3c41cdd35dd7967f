package io.realtimegateway.client;

import java.util.concurrent.CompletableFuture;

import io.realtimegateway.protocol.RealtimeException;

/**
 * One attempt of a link's guarded run, as the fault tolerance sees it: {@code end} tells the session guard when the
 * attempt (a socket's whole life) is over, and how; {@code proven} tells the app's breaker, as soon as the socket has
 * answered once, that the upstream is up, so a long-lived socket never keeps the breaker waiting for its verdict.
 */
record Attempt(CompletableFuture<Void> end, CompletableFuture<Void> proven) {

    static Attempt start() {
        return new Attempt(new CompletableFuture<>(), new CompletableFuture<>());
    }

    /** The socket answered: the upstream is up. */
    void proved() {
        proven.complete(null);
    }

    /** Over, and no reason to back off or blame the upstream: the guard moves on at once. */
    void succeeded() {
        proven.complete(null);
        end.complete(null);
    }

    /** Over, for this reason: the guard may back off and retry, and the breaker counts it if it had not proven itself. */
    void failed(RealtimeException why) {
        proven.completeExceptionally(why);
        end.completeExceptionally(why);
    }

    boolean over() {
        return end.isDone();
    }
}
