package io.realtimegateway.resilience;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.ConfigOverrides;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;

/**
 * Made-up app ids are cheap and cannot displace the apps in real use: a 404 from the upstream is remembered, and apps
 * the upstream never accepted get no breaker, bulkhead, pacing or metric series of their own.
 */
@QuarkusTest
@TestProfile(MadeUpAppsTest.RoomForTwoApps.class)
class MadeUpAppsTest extends EmbeddedUpstreamTest {

    /** A roster with room for only two apps besides the catalog's: far fewer than the junk sent. */
    public static class RoomForTwoApps extends ConfigOverrides {
        public RoomForTwoApps() {
            super("gateway.resilience.max-apps", "2");
        }
    }

    @Test
    void anAppTheUpstreamSaidItDoesNotHaveIsRefusedAgainWithoutAskingIt() {
        notFound("fal-ai/made-up");
        long tokens = simulator.stats().tokenRequests();
        long upgrades = simulator.stats().upgradeRequests();

        given().contentType("application/json").body(body(prompts(1, 1))).post("/v1/realtime/fal-ai/made-up")
                .then().statusCode(404).body("error.code", equalTo("APP_NOT_FOUND"))
                .body("error.message", equalTo("the upstream has no real-time app fal-ai/made-up at path /realtime (HTTP 404 on the WebSocket upgrade)"));

        assertEquals(tokens, simulator.stats().tokenRequests(), "no token was asked for");
        assertEquals(upgrades, simulator.stats().upgradeRequests(), "no upgrade was tried");
    }

    @Test
    void aNotFoundPathOfARealAppDoesNotHideItsOtherPaths() {
        given().contentType("application/json").body(Map.of("inputs", prompts(1, 1), "path", "/wrong"))
                .post("/v1/realtime/" + Fixtures.SDXL).then().statusCode(404);
        given().contentType("application/json").body(body(prompts(1, 1))).post("/v1/realtime/" + Fixtures.SDXL).then().statusCode(200);
    }

    @Test
    void junkAppsNeverTakeTheRoomOfTheAppsInRealUse() {
        for (int i = 0; i < 10; i++) {
            notFound("fal-ai/nope-" + i);
        }
        given().contentType("application/json").body(body(prompts(2, 1))).post("/v1/realtime/" + Fixtures.COGVIDEOX).then().statusCode(200);

        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstream circuit breakers' }.data.'fal-ai/cogvideox-realtime'", equalTo("closed"))
                .body(org.hamcrest.Matchers.not(containsString("nope")));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains("nope"), "no metric series names a made-up app");
        assertFalse(metrics.contains("ft_bulkhead_executionsRunning{method=\"upstream:fal-ai/nope"));
    }

    @Test
    void anAliasWithATrailingDotIsRefusedNotTakenForAnotherApp() {
        long upgrades = simulator.stats().upgradeRequests();
        given().contentType("application/json").body(body(prompts(1, 1))).post("/v1/realtime/" + Fixtures.FLUX + ".")
                .then().statusCode(400).body("error.code", equalTo("INVALID_INPUT"))
                .body("error.message", equalTo("app id alias 'flux-lora-realtime.' may not start or end with '.'"));
        given().contentType("application/json").body(Map.of("app", Fixtures.FLUX + ".", "inputs", prompts(1, 1))).post("/realtime")
                .then().statusCode(400).body("error.code", equalTo("INVALID_INPUT"));
        assertEquals(upgrades, simulator.stats().upgradeRequests());
    }

    private static void notFound(String app) {
        given().contentType("application/json").body(body(prompts(1, 1))).post("/v1/realtime/" + app).then().statusCode(404)
                .body("error.code", equalTo("APP_NOT_FOUND"));
    }
}
