package io.realtimegateway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.realtimegateway.protocol.ErrorCode;

class RepeatedWarningsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RepeatedWarnings<ErrorCode> warnings = new RepeatedWarnings<>(Duration.ofSeconds(10), nanos::get);

    @Test
    void theFirstOfAKindIsLoggedAndTheRestOfItsIntervalHeldBack() {
        assertEquals(OptionalInt.of(0), warnings.admit(ErrorCode.RATE_LIMITED));
        for (int i = 0; i < 500; i++) {
            advance(Duration.ofMillis(10));
            assertEquals(OptionalInt.empty(), warnings.admit(ErrorCode.RATE_LIMITED));
        }
        assertEquals(OptionalInt.of(0), warnings.admit(ErrorCode.CONNECTION_LOST), "each kind has its own interval");
    }

    @Test
    void afterTheIntervalTheNextOneSaysHowManyWereHeldBack() {
        warnings.admit(ErrorCode.RATE_LIMITED);
        warnings.admit(ErrorCode.RATE_LIMITED);
        warnings.admit(ErrorCode.RATE_LIMITED);
        advance(Duration.ofSeconds(10));
        assertEquals(OptionalInt.of(2), warnings.admit(ErrorCode.RATE_LIMITED));
        advance(Duration.ofSeconds(10));
        assertEquals(OptionalInt.of(0), warnings.admit(ErrorCode.RATE_LIMITED));
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
