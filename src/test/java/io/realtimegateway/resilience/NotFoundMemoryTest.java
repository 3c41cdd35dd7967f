package io.realtimegateway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

class NotFoundMemoryTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final NotFoundMemory memory = new NotFoundMemory(Duration.ofMinutes(10), 3, now::get);
    private final RealtimeException notFound = new RealtimeException(ErrorCode.APP_NOT_FOUND, "no such app");

    @Test
    void aNotFoundIsRecalledForItsLifetimeThenForgotten() {
        memory.remember("fal-ai/nope", notFound);
        now.addAndGet(Duration.ofMinutes(10).toNanos() - 1);
        assertEquals(Optional.of(notFound), memory.recall("fal-ai/nope"));
        now.incrementAndGet();
        assertEquals(Optional.empty(), memory.recall("fal-ai/nope"));
        assertEquals(0, memory.size());
    }

    @Test
    void theEndpointsAreToldApart() {
        memory.remember("fal-ai/flux-lora-realtime /wrong", notFound);
        assertEquals(Optional.empty(), memory.recall("fal-ai/flux-lora-realtime"));
    }

    @Test
    void pastItsCapacityTheOldestIsForgottenFirst() {
        for (int i = 0; i < 5; i++) {
            memory.remember("fal-ai/nope-" + i, notFound);
        }
        assertEquals(3, memory.size());
        assertTrue(memory.recall("fal-ai/nope-1").isEmpty());
        assertTrue(memory.recall("fal-ai/nope-2").isPresent());
        assertTrue(memory.recall("fal-ai/nope-4").isPresent());
    }

    @Test
    void aLifetimeOfZeroRemembersNothing() {
        NotFoundMemory off = new NotFoundMemory(Duration.ZERO, 3, now::get);
        off.remember("fal-ai/nope", notFound);
        assertEquals(Optional.empty(), off.recall("fal-ai/nope"));
    }
}
