package io.realtimegateway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class RetryJitterTest {

    @Test
    void afterAReseedTheDelaysComeFromANewSeed() {
        AtomicLong seeds = new AtomicLong(41);
        RetryJitter jitter = new RetryJitter(seeds::incrementAndGet);
        assertEquals(new Random(42).nextLong(-50, 51), jitter.nextMillis(50));

        jitter.reseed();

        Random fresh = new Random(43);
        assertEquals(fresh.nextLong(-50, 51), jitter.nextMillis(50), "a copy restored from a snapshot draws from its own seed");
    }

    @Test
    void delaysStayWithinTheJitterEitherWay() {
        RetryJitter jitter = new RetryJitter(() -> 7);
        assertTrue(LongStream.range(0, 1000).map(i -> jitter.nextMillis(20)).allMatch(delay -> delay >= -20 && delay <= 20));
        assertEquals(0, jitter.nextMillis(0));
    }
}
