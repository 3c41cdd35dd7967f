package io.realtimegateway.invocation;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompt;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.ConfigOverrides;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.simulator.SimulatorSettings.Latency;
import io.restassured.path.json.JsonPath;

/**
 * With local validation off, invalid inputs reach the upstream, which ends the session over each of them
 * (as fal's server does). The gateway must reconnect, find the culprit, and blame only it.
 */
@QuarkusTest
@TestProfile(UpstreamValidationTest.LocalValidationOff.class)
public class UpstreamValidationTest extends EmbeddedUpstreamTest {

    public static class LocalValidationOff extends ConfigOverrides {
        public LocalValidationOff() {
            super("gateway.validation.local", "false");
        }
    }

    @Test
    void aLoneInvalidInputGetsTheUpstreamsReasonAndIsSentOnce() {
        long sentBefore = simulator.stats().inputs(Fixtures.FLUX);
        JsonPath response = invoke(List.of(Map.of("seed", 1)));
        assertEquals(1, simulator.stats().inputs(Fixtures.FLUX) - sentBefore, "INVALID_INPUT is never retried");
        assertEquals("INVALID_INPUT", response.getString("results[0].error.code"));
        assertEquals("the upstream rejected the input: INTERNAL_ERROR: 1 validation error for Input\nprompt\n  field required",
                response.getString("results[0].error.message"));
        assertEquals(1, response.getInt("results[0].attempts"));
    }

    @Test
    void invalidInputsAmongValidOnesAreFoundWhileNoInnocentInputIsBlamed() {
        // A slow model keeps two inputs in flight, so a session-ending error could belong to either.
        simulator.update(s -> s.latency(new Latency(Duration.ofMillis(80), Duration.ZERO, Duration.ZERO)));
        long sentBefore = simulator.stats().inputs(Fixtures.FLUX);
        List<Map<String, Object>> inputs = List.of(prompt("one", 1), Map.of("seed", 2), prompt("three", 3), prompt("four", 4),
                Map.of("prompt", "five", "num_inference_steps", 50, "seed", 5), prompt("six", 6));
        JsonPath response = invoke(inputs);

        assertEquals(List.of("ok", "error", "ok", "ok", "error", "ok"), response.getList("results.status"));
        assertEquals(List.of(1, 3, 4, 6), response.getList("results.findAll { it.status == 'ok' }.output.seed"));
        assertTrue(response.getString("results[1].error.message").contains("prompt\n  field required"));
        assertTrue(response.getString("results[4].error.message").contains("num_inference_steps\n  must be a whole number from 1 to 12"));
        assertEquals(List.of("INVALID_INPUT", "INVALID_INPUT"), response.getList("results.findAll { it.status == 'error' }.error.code"));
        assertTrue(response.getInt("summary.reconnects") >= 2, "each invalid input ends a session");
        // The innocent inputs that shared a session with a culprit were sent again, one at a time.
        assertTrue(simulator.stats().inputs(Fixtures.FLUX) - sentBefore > inputs.size());
    }

    @Test
    void everyInputOfAnInvocationOfInvalidOnesIsReportedPerItem() {
        JsonPath response = invoke(List.of(Map.of("seed", 1), Map.of("seed", 2)));
        assertEquals(List.of("INVALID_INPUT", "INVALID_INPUT"), response.getList("results.error.code"));
    }

    @Test
    void validInputsAreUnaffected() {
        assertEquals(List.of(1, 2, 3), invoke(prompts(3, 1)).getList("results.output.seed"));
    }

    private static JsonPath invoke(List<Map<String, Object>> inputs) {
        Map<String, Object> body = body(inputs);
        body.put("throttleIntervalMs", 32);
        return given().contentType("application/json").body(body).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(200).extract().jsonPath();
    }
}
