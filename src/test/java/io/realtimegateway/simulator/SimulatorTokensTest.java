package io.realtimegateway.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

class SimulatorTokensTest {

    @Test
    void aNewSecretInvalidatesTheTokensSignedWithTheOldOne() {
        SimulatorTokens tokens = new SimulatorTokens(Clock.systemUTC());
        String token = tokens.issue(List.of("flux-lora-realtime"), 60);
        assertTrue(tokens.allows(token, "flux-lora-realtime"));

        tokens.reseed();

        assertFalse(tokens.allows(token, "flux-lora-realtime"), "a token from the snapshot is not valid in a restored copy");
        assertTrue(tokens.allows(tokens.issue(List.of("flux-lora-realtime"), 60), "flux-lora-realtime"));
    }
}
