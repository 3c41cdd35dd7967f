package io.realtimegateway.resilience;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import io.realtimegateway.protocol.RealtimeException;

/**
 * The real-time endpoints the upstream recently said it does not have (404 on the upgrade), so that asking for them again
 * costs neither a token nor an upgrade for a while. Bounded: past its capacity the oldest answer is forgotten first.
 * Thread-safe.
 */
final class NotFoundMemory {

    private record Answer(RealtimeException notFound, long atNanos) {
    }

    private final long ttlNanos;
    private final LongSupplier nanoClock;
    /** Oldest first; guarded by this. */
    private final LinkedHashMap<String, Answer> answers;

    NotFoundMemory(Duration ttl, int capacity, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
        this.answers = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The upstream's 404 for this endpoint, if it said so within the memory's lifetime. */
    synchronized Optional<RealtimeException> recall(String endpoint) {
        Answer answer = answers.get(endpoint);
        if (answer == null) {
            return Optional.empty();
        }
        if (nanoClock.getAsLong() - answer.atNanos() >= ttlNanos) {
            answers.remove(endpoint);
            return Optional.empty();
        }
        return Optional.of(answer.notFound());
    }

    synchronized void remember(String endpoint, RealtimeException notFound) {
        if (ttlNanos > 0) {
            answers.remove(endpoint);
            answers.put(endpoint, new Answer(notFound, nanoClock.getAsLong()));
        }
    }

    synchronized int size() {
        return answers.size();
    }
}
