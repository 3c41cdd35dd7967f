package io.realtimegateway.resilience;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.realtimegateway.resilience.UpstreamFaultsTest.invoke;
import static io.realtimegateway.resilience.UpstreamFaultsTest.ok;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.Fixtures;

/**
 * The packaged app's embedded upstream refuses every upgrade for one app with a 503 (its fault settings passed as
 * configuration): each invocation is retried with back-off and ends as CONNECTION_LOST, until that app's circuit
 * breaker opens; other apps carry on.
 */
@QuarkusIntegrationTest
@TestProfile(RefusedUpgradesIT.Refusing503.class)
class RefusedUpgradesIT {

    public static class Refusing503 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.simulator.faults.app", Fixtures.FLUX, "gateway.simulator.faults.refuse-upgrade-status", "503",
                    // Long enough that the breaker, once open, is still open when the test looks.
                    "gateway.resilience.breaker.delay", "30s");
        }
    }

    @Test
    void retriesEndInConnectionLostThenTheBreakerOpensForThatAppOnly() {
        invoke(Fixtures.FLUX, body(prompts(1, 1))).then().statusCode(502)
                .contentType("application/json").body("error.code", equalTo("CONNECTION_LOST"));
        given().get("/q/metrics").then()
                .body(containsString("gateway_upstream_retries_total{app=\"fal-ai/flux-lora-realtime\"} 4.0"));

        await().atMost(Duration.ofSeconds(30)).until(() -> invoke(Fixtures.FLUX, body(prompts(1, 1))).statusCode() == 503);
        invoke(Fixtures.FLUX, body(prompts(1, 1))).then().statusCode(503).header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("error.code", equalTo("CIRCUIT_OPEN"));
        ok(Fixtures.SDXL, body(prompts(1, 1)));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstream circuit breakers' }.data.'fal-ai/flux-lora-realtime'", equalTo("open"))
                .body("checks.find { it.name == 'upstream circuit breakers' }.data.'fal-ai/sdxl-turbo-realtime'", equalTo("closed"));
    }
}
