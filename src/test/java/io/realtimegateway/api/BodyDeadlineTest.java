package io.realtimegateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The pure parts of {@link ClientDeadlines}: the body allowance and the idle-timeout rule. */
class BodyDeadlineTest {

    /** Started at 1000 ms, 10 s of grace, then 1 KB/s. */
    private final BodyDeadline deadline = new BodyDeadline(1_000, 10_000, 1024);

    @Test
    void aBodyHasItsGraceAndOneSecondPerRateOfBytesReceived() {
        assertEquals(11_000, deadline.dueMillis(0));
        assertEquals(12_000, deadline.dueMillis(1024));
        assertEquals(11_000 + 16_384_000, deadline.dueMillis(16L * 1024 * 1024));
    }

    @Test
    void aTrickleRunsOutWhileASteadySenderDoesNot() {
        // A byte every 3 s: 4 bytes by 13 s, due at 11.003 s.
        assertEquals(-1_997, deadline.millisLeft(13_000, 4));
        // 1 KB/s from the start keeps 10 s ahead of its deadline.
        assertEquals(10_000, deadline.millisLeft(31_000, 30 * 1024));
    }

    @Test
    void theIdleTimeoutMustOutlastTheLongestInvocation() {
        ClientDeadlines.requireIdleTimeoutBeyond(Duration.ofSeconds(330), Duration.ofSeconds(300));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ClientDeadlines.requireIdleTimeoutBeyond(Duration.ofSeconds(300), Duration.ofSeconds(300)));
        assertEquals("quarkus.http.idle-timeout (PT5M) must be longer than gateway.invocation.timeout.max (PT5M), "
                + "or it cuts off invocations still running", refused.getMessage());
    }

    @Test
    void needsAGraceAndARate() {
        assertThrows(IllegalArgumentException.class, () -> new BodyDeadline(0, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BodyDeadline(0, 0, 0));
    }
}
