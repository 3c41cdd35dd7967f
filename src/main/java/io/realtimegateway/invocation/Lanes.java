package io.realtimegateway.invocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.realtimegateway.client.RealtimeClient;
import io.realtimegateway.client.RealtimeConnection;
import io.realtimegateway.client.RealtimeOptions;
import io.realtimegateway.protocol.RealtimeException;

/**
 * The connections one invocation spreads its inputs over ({@code parallelism}), seen as one. fal's server runs
 * one session's inputs one at a time, so more lanes means more runners working on the batch at once.
 * With a connectionKey, lane n of a fan-out uses the key {@code key:n}, so warm lanes are reused too.
 */
final class Lanes implements AutoCloseable {

    private final List<RealtimeConnection> connections;
    private final String connectionKey;

    private Lanes(List<RealtimeConnection> connections, String connectionKey) {
        this.connections = connections;
        this.connectionKey = connectionKey;
    }

    static Lanes open(RealtimeClient client, InvocationRequest request) {
        List<RealtimeConnection> connections = new ArrayList<>(request.parallelism());
        try {
            String key = request.options().connectionKey();
            for (int lane = 0; lane < request.parallelism(); lane++) {
                RealtimeOptions options = key == null || request.parallelism() == 1 ? request.options()
                        : request.options().withConnectionKey(key + ":" + lane);
                connections.add(client.connect(request.app().toString(), options, result -> {
                }));
            }
        } catch (RuntimeException e) {
            connections.forEach(RealtimeConnection::close);
            throw e;
        }
        return new Lanes(List.copyOf(connections), request.options().connectionKey());
    }

    List<RealtimeConnection> all() {
        return connections;
    }

    String connectionKey() {
        return connectionKey;
    }

    int reconnects() {
        return connections.stream().mapToInt(RealtimeConnection::reconnects).sum();
    }

    /** The slowest pacing any lane met. */
    Duration throttleInterval() {
        return connections.stream().map(RealtimeConnection::throttleInterval).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** The longest wait an upstream rate limit called for on any lane, if one did. */
    Optional<Duration> rateLimited() {
        return connections.stream().map(RealtimeConnection::rateLimited).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    @Override
    public void close() {
        connections.forEach(RealtimeConnection::close);
    }

    /** Closes every lane; the inputs still waiting on them fail with this error. Completes once they have. */
    CompletableFuture<Void> close(RealtimeException reason) {
        return CompletableFuture.allOf(connections.stream().map(connection -> connection.close(reason).toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }
}
