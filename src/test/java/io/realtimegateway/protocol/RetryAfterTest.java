package io.realtimegateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void secondsAreTakenBetweenOneSecondAndAMinute() {
        assertEquals(Duration.ofSeconds(5), RetryAfter.parse(" 5 ", clock));
        assertEquals(Duration.ofSeconds(1), RetryAfter.parse("0", clock));
        assertEquals(Duration.ofSeconds(60), RetryAfter.parse("99999999999", clock));
    }

    @Test
    void anHttpDateIsTheWaitUntilThenBetweenOneSecondAndAMinute() {
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Tue, 01 Dec 2026 10:00:30 GMT", clock));
        assertEquals(Duration.ofSeconds(1), RetryAfter.parse("Tue, 01 Dec 2026 09:00:00 GMT", clock));
        assertEquals(Duration.ofSeconds(60), RetryAfter.parse("Fri, 01 Dec 2028 10:00:00 GMT", clock));
    }

    @Test
    void anythingElseIsNoWaitAtAll() {
        assertNull(RetryAfter.parse(null, clock));
        assertNull(RetryAfter.parse("soon", clock));
        assertNull(RetryAfter.parse("-5", clock));
        assertNull(RetryAfter.parse("99999999999999999999", clock));
    }
}
