package io.realtimegateway.targets.knative;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.Fixtures;
import io.restassured.specification.RequestSpecification;

/**
 * The {@code knative} build: the function {@code realtime} answers CloudEvents on {@code /} (binary and structured
 * mode) and plain HTTP on {@code /realtime}, sent over real HTTP as a Knative broker or a caller would send them.
 * Black box, so that {@link CloudEventsIT} runs it against the packaged service too.
 */
@QuarkusTest
class CloudEventsTest {

    @Test
    void aBinaryModeEventIsAnsweredWithABinaryModeEvent() {
        String firstImage = binaryEvent("invocation-1").body(Map.of("app", Fixtures.FLUX, "inputs", prompts(2, 50))).post("/")
                .then().statusCode(200)
                .header("ce-type", "realtime.output")
                .header("ce-source", "realtime")
                .header("ce-specversion", "1.0")
                .header("ce-id", not(emptyOrNullString()))
                .body("app", equalTo(Fixtures.FLUX))
                .body("results.output.seed", contains(50, 51))
                .body("results.output.images.flatten().url", everyItem(startsWith("data:image/png;base64,")))
                .extract().path("results[0].output.images[0].url");

        // The embedded upstream's deterministic PNG, of the size asked for.
        assertEquals(64, Fixtures.decodePng(firstImage).getWidth());
    }

    @Test
    void aStructuredModeEventIsAnsweredWithAStructuredModeEvent() {
        Map<String, Object> event = Map.of("specversion", "1.0", "id", "invocation-2", "source", "/tests", "type", "realtime",
                "datacontenttype", "application/json", "data", Map.of("app", Fixtures.SDXL, "inputs", prompts(1, 60)));

        given().contentType("application/cloudevents+json").body(event).post("/")
                .then().statusCode(200)
                .contentType(startsWith("application/cloudevents+json"))
                .body("type", equalTo("realtime.output"))
                .body("data.app", equalTo(Fixtures.SDXL))
                .body("data.results[0].output.seed", equalTo(60));
    }

    @Test
    void aPlainHttpPostReachesTheFunctionOnItsPath() {
        given().contentType("application/json").body(Map.of("app", Fixtures.FLUX, "inputs", prompts(1, 70))).post("/realtime")
                .then().statusCode(200).body("results[0].output.seed", equalTo(70));
    }

    @Test
    void aBadEventIsRefusedWith400SoABrokerDeadLettersItInsteadOfRetrying() {
        binaryEvent("invocation-3").body(Map.of("inputs", prompts(1, 1))).post("/")
                .then().statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"))
                .body("error.message", startsWith("app is required"));
    }

    @Test
    void theRestApiStaysAvailable() {
        given().contentType("application/json").body(body(prompts(1, 80))).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(200).body("results[0].output.seed", equalTo(80));
    }

    private static RequestSpecification binaryEvent(String id) {
        return given().contentType("application/json")
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/tests").header("ce-type", "realtime");
    }
}
