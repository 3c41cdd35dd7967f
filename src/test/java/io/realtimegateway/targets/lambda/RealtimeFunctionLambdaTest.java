package io.realtimegateway.targets.lambda;

import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.targets.LambdaEventServer;

/**
 * The {@code lambda} build: the function {@code realtime} is the Lambda handler. Events are posted, as AWS would
 * deliver a direct invocation, to Quarkus's mock Lambda event server, which hands them to the handler's poll loop.
 * Black box, so that {@link RealtimeFunctionLambdaIT} runs it against the packaged function too.
 */
@QuarkusTest
class RealtimeFunctionLambdaTest {

    @BeforeEach
    void postToTheMockEventServer() {
        LambdaEventServer.useForRestAssured();
    }

    @Test
    void aDirectInvocationEventReturnsTheAggregatedResponseFromTheEmbeddedUpstream() {
        String firstImage = given().contentType("application/json").body(Map.of("app", Fixtures.FLUX, "inputs", prompts(3, 10)))
                .post()
                .then().statusCode(200)
                .body("app", equalTo(Fixtures.FLUX))
                .body("results.index", contains(0, 1, 2))
                .body("results.status", everyItem(equalTo("ok")))
                .body("results.output.seed", contains(10, 11, 12))
                .body("results.output.images.flatten().url", everyItem(startsWith("data:image/png;base64,")))
                .body("summary.ok", equalTo(3))
                .body("summary.failed", equalTo(0))
                .extract().path("results[0].output.images[0].url");

        // The embedded upstream's deterministic PNG, of the size asked for.
        assertEquals(64, Fixtures.decodePng(firstImage).getWidth());
    }

    @Test
    void anInputTheAppRefusesIsReportedInItsItem() {
        given().contentType("application/json")
                .body(Map.of("app", Fixtures.SDXL, "inputs", List.of(Map.of("prompt", "fine", "seed", 1), Map.of("seed", 2))))
                .post()
                .then().statusCode(200)
                .body("results.status", contains("ok", "error"))
                .body("results[1].error.code", equalTo("INVALID_INPUT"))
                .body("results[1].error.message", startsWith("prompt"));
    }

    @Test
    void anEventWithoutAnAppFailsTheInvocationWithItsCode() {
        // Lambda reports a failed invocation as {"errorType":...,"errorMessage":...}; the message leads with the code.
        given().contentType("application/json").body(Map.of("inputs", prompts(1, 1)))
                .post()
                .then().statusCode(500)
                .body("errorMessage", startsWith("INVALID_INPUT: app is required"));
    }
}
