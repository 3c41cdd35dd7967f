package io.realtimegateway.resilience;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.realtimegateway.resilience.UpstreamFaultsTest.ok;
import static io.realtimegateway.resilience.UpstreamFaultsTest.seeds;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.Fixtures;
import io.restassured.path.json.JsonPath;

/**
 * The packaged app's embedded upstream drops every connection to one app after two results (its fault settings passed
 * as configuration): the gateway reopens the socket, resends only what was unanswered, and every input gets one result.
 */
@QuarkusIntegrationTest
@TestProfile(DroppedConnectionsIT.EveryTwoResults.class)
class DroppedConnectionsIT {

    public static class EveryTwoResults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.simulator.faults.app", Fixtures.FLUX, "gateway.simulator.faults.drop-after-results", "2");
        }
    }

    @Test
    void droppedConnectionsAreReopenedAndEveryInputGetsOneResultInOrder() {
        JsonPath response = ok(Fixtures.FLUX, body(prompts(8, 1)));

        assertEquals(seeds(1, 8), response.getList("results.output.seed"));
        assertEquals(3, response.getInt("summary.reconnects"), "a socket per two results");
        assertTrue(response.getList("results.attempts", Integer.class).stream().anyMatch(attempts -> attempts > 1));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_upstream_reconnects_total{app=\"fal-ai/flux-lora-realtime\"}"));
    }

    @Test
    void anotherAppKeepsItsSocket() {
        assertEquals(0, ok(Fixtures.SDXL, body(prompts(4, 1))).getInt("summary.reconnects"));
    }
}
