package io.realtimegateway.targets.knative;

import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.targets.ConsoleJsonLines;
import io.realtimegateway.targets.JsonLogAssertions;

/**
 * The {@code knative} build logs one JSON object per line, as cluster log collectors read them; a broker's event
 * carries its trace in {@code traceparent}, and that trace is the one the invocation's lines carry.
 */
@QuarkusTest
class JsonLogsKnativeTest extends EmbeddedUpstreamTest {

    @Test
    void anEventsLogLineIsJsonWithTheEventsTraceTheAppAndTheKeyHash() throws Exception {
        String trace = "5e6b1c0d2f3a4b5c6d7e8f9a0b1c2d3e";
        try (ConsoleJsonLines console = new ConsoleJsonLines("io.realtimegateway")) {
            given().contentType("application/json")
                    .header("ce-specversion", "1.0").header("ce-id", "logs-1").header("ce-source", "/tests").header("ce-type", "realtime")
                    .header("traceparent", "00-" + trace + "-a1b2c3d4e5f60718-01")
                    .body(Map.of("app", Fixtures.FLUX, "inputs", prompts(2, 30), "connectionKey", "user-9@example.com"))
                    .post("/")
                    .then().statusCode(200);

            JsonNode settled = JsonLogAssertions.assertInvocationLogged(console.records(), console.lines(), Fixtures.FLUX,
                    "user-9@example.com", "a lighthouse in a storm");
            assertEquals(trace, settled.path("mdc").path("traceId").asText());
        }
    }
}
