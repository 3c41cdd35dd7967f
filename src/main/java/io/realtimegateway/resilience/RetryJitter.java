package io.realtimegateway.resilience;

import java.security.SecureRandom;
import java.util.Random;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The random part of reconnect back-off, so that many instances that lost the upstream at once do not come back at
 * once. SmallRye's own jitter draws from {@code ThreadLocalRandom}, whose seeds a SnapStart snapshot would hand
 * to every copy restored from it: each copy would jitter alike. This one is seeded from {@link SecureRandom}, and
 * seeded again after a restore ({@link #reseed()}). Thread-safe.
 */
@ApplicationScoped
public class RetryJitter {

    private final LongSupplier seeds;
    private volatile Random random;

    /** Each seed from a SecureRandom made for it, which takes its own seed from the system then: never from a snapshot. */
    @Inject
    RetryJitter() {
        this(() -> new SecureRandom().nextLong());
    }

    /** @param seeds where each generator's seed comes from */
    RetryJitter(LongSupplier seeds) {
        this.seeds = seeds;
        this.random = new Random(seeds.getAsLong());
    }

    /** A delay to add, uniformly from {@code -maxMillis} to {@code +maxMillis}; 0 when there is no jitter. */
    long nextMillis(long maxMillis) {
        return maxMillis <= 0 ? 0 : random.nextLong(-maxMillis, maxMillis + 1);
    }

    /** A generator nobody else has: after a restore, every copy of the snapshot draws its own delays. */
    public void reseed() {
        random = new Random(seeds.getAsLong());
    }
}
