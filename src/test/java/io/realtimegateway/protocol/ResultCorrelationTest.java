package io.realtimegateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ResultCorrelationTest {

    private static int match(List<? extends Map<String, ?>> waiting, Map<String, ?> output) {
        return ResultCorrelation.match(waiting, ResultCorrelation.Echo::of, output);
    }

    @Test
    void withoutEchoesTheOldestWaitingInputOwnsTheResult() {
        assertEquals(0, match(List.of(Map.of("prompt", "a"), Map.of("prompt", "b")), Map.of("images", List.of())));
    }

    @Test
    void anEchoedSeedMatchingTheOldestConfirmsFifo() {
        assertEquals(0, match(List.of(Map.of("seed", 1), Map.of("seed", 2)), Map.of("seed", 1L)));
    }

    @Test
    void anEchoedSeedOfALaterInputPicksThatInput() {
        assertEquals(1, match(List.of(Map.of("seed", 1), Map.of("seed", 2)), Map.of("seed", 2L)));
    }

    @Test
    void aSeedNoWaitingInputHasFallsBackToFifo() {
        assertEquals(0, match(List.of(Map.of("seed", 1), Map.of("seed", 2)), Map.of("seed", 99L)));
    }

    @Test
    void aSeedChosenByTheAppCannotBeChecked() {
        assertEquals(0, match(List.of(Map.of("prompt", "a"), Map.of("seed", 5)), Map.of("seed", 5L)));
    }

    @Test
    void anEchoedRequestIdWins() {
        List<Map<String, ?>> waiting = List.of(Map.of("request_id", "a", "seed", 1), Map.of("request_id", "b", "seed", 1));
        assertEquals(1, match(waiting, Map.of("request_id", "b", "seed", 1L)));
    }
}
