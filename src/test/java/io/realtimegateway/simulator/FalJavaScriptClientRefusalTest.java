package io.realtimegateway.simulator;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.NodeProject;
import io.realtimegateway.config.EmbeddedUpstream;

/**
 * fal's official JavaScript client hears the embedded upstream refuse its token: it ignores the Unauthorized frame and a
 * normal close, so the refusal closes with 1008 and a reason, which the client reports through onError.
 */
@QuarkusTest
class FalJavaScriptClientRefusalTest {

    @Inject
    EmbeddedUpstream embedded;

    @Test
    void aTokenForAnotherAppReachesOnErrorWithTheCloseCodeAndTheReason() throws Exception {
        EmbeddedUpstream.Address upstream = embedded.address().orElseThrow();
        String tokenForAnotherApp = given().baseUri(upstream.baseUrl().toString()).contentType("application/json")
                .header("Authorization", "Key " + upstream.key())
                .body(Map.of("allowed_apps", List.of("sdxl-turbo-realtime"), "token_expiration", 120))
                .post("/tokens/").then().statusCode(201).extract().as(String.class);

        JsonNode heard = new ObjectMapper().readTree(NodeProject.TEST_SCRIPTS.require().run("refused-token.mjs",
                Map.of("UPSTREAM", upstream.baseUrl().toString(), "APP", Fixtures.FLUX, "TOKEN", tokenForAnotherApp), Duration.ofMinutes(1)));

        assertEquals(1008, heard.get("closeCode").asInt());
        assertEquals(0, heard.get("results").asInt());
        assertEquals(1, heard.get("errors").size(), heard.toString());
        assertEquals(1008, heard.get("errors").get(0).get("status").asInt());
        String message = heard.get("errors").get(0).get("message").asText();
        assertTrue(message.contains("Unauthorized: the token does not allow fal-ai/flux-lora-realtime"), message);
    }
}
