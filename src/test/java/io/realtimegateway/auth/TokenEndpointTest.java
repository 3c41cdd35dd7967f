package io.realtimegateway.auth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.protocol.AppId;

/** Tokens are asked for from any thread: event loops, workers (Funqy), plain application threads. */
@QuarkusTest
class TokenEndpointTest {

    @Inject
    TokenEndpoint endpoint;

    @Test
    void everyTokenArrivesWholeWhenAskedForFromAPlainThread() {
        AppId app = AppId.parse("fal-ai/flux-lora-realtime");
        for (int i = 0; i < 300; i++) {
            String token = endpoint.fetch(app).await().atMost(Duration.ofSeconds(10)).token();
            assertTrue(token.matches("[A-Za-z0-9._~-]+"), "fetch " + i + " gave a whole token");
        }
    }
}
