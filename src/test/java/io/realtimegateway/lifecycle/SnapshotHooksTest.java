package io.realtimegateway.lifecycle;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.crac.Core;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.client.RealtimeClient;
import io.realtimegateway.config.EmbeddedUpstream;
import io.realtimegateway.protocol.AppId;
import io.realtimegateway.resilience.AdaptiveThrottle;

/**
 * The SnapStart hooks, called as the runtime calls them around a checkpoint: what they drop is fetched or opened
 * anew afterwards, and what they reseed differs.
 */
@QuarkusTest
class SnapshotHooksTest extends EmbeddedUpstreamTest {

    @Inject
    SnapshotHooks hooks;

    @Inject
    RealtimeClient client;

    @Inject
    AdaptiveThrottle adaptiveThrottle;

    @Inject
    EmbeddedUpstream embedded;

    @Inject
    RequestPathPrimer primer;

    @Test
    void beforeTheCheckpointTokensIdleSocketsAndLearnedPacingAreDropped() {
        Map<String, Object> keyed = body(prompts(1, 1));
        keyed.put("connectionKey", "snapshot-test");
        given().contentType("application/json").body(keyed).post("/v1/realtime/" + Fixtures.FLUX).then().statusCode(200);
        assertTrue(client.openConnections() > 0, "the key's socket stays open for its next invocation");
        AppId flux = AppId.parse(Fixtures.FLUX);
        adaptiveThrottle.slowDown(flux, Duration.ofMillis(64));
        long tokensBefore = simulator.stats().tokenRequests();
        long connectionsBefore = simulator.stats().connections(Fixtures.FLUX);

        hooks.beforeCheckpoint(Core.getGlobalContext());

        await().atMost(Duration.ofSeconds(5)).until(() -> client.openConnections() == 0);
        assertEquals(Duration.ofMillis(64), adaptiveThrottle.effective(flux, Duration.ofMillis(64)), "the rate-limit penalty is forgotten");
        invoke(2);
        assertEquals(tokensBefore + 1, simulator.stats().tokenRequests(), "the first invocation afterwards fetches its own token");
        assertEquals(connectionsBefore + 1, simulator.stats().connections(Fixtures.FLUX), "and opens its own socket");
    }

    @Test
    void afterTheRestoreTheEmbeddedUpstreamHasANewKeyAndInvocationsUseIt() {
        String keyBefore = embedded.address().orElseThrow().key();
        invoke(3);

        hooks.afterRestore(Core.getGlobalContext());

        String keyAfter = embedded.address().orElseThrow().key();
        assertNotEquals(keyBefore, keyAfter, "every copy of a snapshot gets a key of its own");
        String tokens = embedded.address().orElseThrow().tokenUrl().toString();
        Map<String, Object> ask = Map.of("allowed_apps", java.util.List.of("flux-lora-realtime"));
        given().header("Authorization", "Key " + keyBefore).contentType("application/json").body(ask).post(tokens).then().statusCode(401);
        given().header("Authorization", "Key " + keyAfter).contentType("application/json").body(ask).post(tokens).then().statusCode(201);
        // The gateway dropped its token (signed with the old secret) and fetches one with the new key.
        invoke(4);
    }

    @Test
    void primingRunsTheRequestPathWithoutTouchingTheNetwork() {
        long tokensBefore = simulator.stats().tokenRequests();
        long upgradesBefore = simulator.stats().upgradeRequests();

        String response = primer.prime();

        assertTrue(response.contains("\"url\":\"data:image/png;base64,"), response);
        assertEquals(tokensBefore, simulator.stats().tokenRequests());
        assertEquals(upgradesBefore, simulator.stats().upgradeRequests());
    }

    private static void invoke(int seed) {
        given().contentType("application/json").body(body(prompts(1, seed))).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(200).body("results[0].output.seed", equalTo(seed));
    }
}
