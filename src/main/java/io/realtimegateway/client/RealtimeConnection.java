package io.realtimegateway.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.realtimegateway.protocol.RealtimeException;

/**
 * A connection to one real-time app, as returned by {@link RealtimeClient#connect}. Thread-safe.
 */
public interface RealtimeConnection extends AutoCloseable {

    /**
     * Sends one input, paced by the throttle interval; the socket opens on the first send. The returned stage
     * completes with this input's result, or fails with an {@link InputFailedException}; the listener hears
     * the same outcome. Each input gets exactly one outcome.
     */
    CompletionStage<RealtimeResult> send(Map<String, ?> input);

    /**
     * Stops this connection: inputs not answered yet are given up (their stages fail with a
     * {@link java.util.concurrent.CancellationException}). A private connection's socket closes at once; a shared
     * one stays open for the other holders of its key, or for a while for the next caller.
     */
    @Override
    void close();

    /**
     * Like {@link #close()}, for a deadline of the caller's own: inputs not answered yet fail with this error, as
     * {@link InputFailedException}s that count how often each was sent. The listener is not called for them. The
     * stage completes once they have failed (at once if the connection was closed already).
     */
    CompletionStage<Void> close(RealtimeException reason);

    /** The key of a shared connection, or null for a private one. */
    String connectionKey();

    /** How many times this connection's inputs had to be sent on a new socket after the first. */
    int reconnects();

    /** The slowest pacing applied to this connection's sends: what was asked for, or more after rate limits. */
    Duration throttleInterval();

    /** When the upstream refused for its rate limit since this connection was opened: the wait it called for. */
    Optional<Duration> rateLimited();
}
