package io.realtimegateway.targets.lambdahttp;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.targets.LambdaEventServer;
import io.restassured.path.json.JsonPath;

/**
 * The {@code lambda-http} build behind an API Gateway HTTP API. Plain requests go to Quarkus's mock event server,
 * which turns each into an API Gateway v2 event for the handler and the handler's answer back into HTTP; the
 * hand-made events posted to {@code /_lambda_} show the v2 wire format itself. Black box, so that
 * {@link ApiGatewayIT} runs it against the packaged function too.
 */
@QuarkusTest
class ApiGatewayTest {

    @BeforeEach
    void sendThroughTheMockEventServer() {
        LambdaEventServer.useForRestAssured();
    }

    @Test
    void theRestContractWorksThroughApiGatewayEvents() {
        String firstImage = given().contentType("application/json").body(body(prompts(2, 20))).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(200)
                .body("app", equalTo(Fixtures.FLUX))
                .body("results.status", contains("ok", "ok"))
                .body("results.output.seed", contains(20, 21))
                .body("summary.ok", equalTo(2))
                .extract().path("results[0].output.images[0].url");

        // The embedded upstream's deterministic PNG, of the size asked for.
        assertEquals(64, Fixtures.decodePng(firstImage).getHeight());
    }

    @Test
    void errorsKeepTheirStatusAndBody() {
        given().contentType("application/json").body(body(prompts(1, 1))).post("/v1/realtime/nobody/nothing")
                .then().statusCode(404).body("error.code", equalTo("APP_NOT_FOUND"));
        given().contentType("application/json").body("{\"inputs\":[").post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(400).body("error.message", startsWith("the body is not valid JSON"));
    }

    @Test
    void theFunctionAnswersOnItsPath() {
        given().contentType("application/json").body(Map.of("app", Fixtures.SDXL, "inputs", prompts(1, 5))).post("/realtime")
                .then().statusCode(200).body("app", equalTo(Fixtures.SDXL)).body("results[0].output.seed", equalTo(5));
        given().contentType("application/json").body(Map.of("inputs", prompts(1, 5))).post("/realtime")
                .then().statusCode(400).body("error.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void aHandMadeV2EventGetsAV2Response() {
        JsonPath response = given().contentType("application/json")
                .body(apiGatewayEvent("POST", "/v1/realtime/" + Fixtures.FLUX, body(prompts(1, 30)))).post("/_lambda_")
                .then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("headers.Content-Type", startsWith("application/json"))
                .body("isBase64Encoded", equalTo(false))
                .extract().jsonPath();

        JsonPath invocation = new JsonPath(response.getString("body"));
        assertEquals(30, invocation.getInt("results[0].output.seed"));
        assertEquals("ok", invocation.getString("results[0].status"));
    }

    @Test
    void theStreamArrivesWholeBecauseApiGatewayBuffersResponses() {
        given().contentType("application/json")
                .body(apiGatewayEvent("POST", "/v1/realtime/" + Fixtures.FLUX + "/stream", body(prompts(2, 40)))).post("/_lambda_")
                .then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("headers.Content-Type", equalTo("text/event-stream"))
                .body("body", containsString("event:result"))
                .body("body", containsString("\"seed\":41"))
                .body("body", containsString("event:summary"));
    }

    @Test
    void platformEndpointsAnswerThroughApiGateway() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/v1/apps").then().statusCode(200).body("id", hasItem(Fixtures.FLUX));
    }

    /** An API Gateway HTTP API (payload format 2.0) event, as AWS hands it to the function. */
    private static Map<String, Object> apiGatewayEvent(String method, String path, Object body) {
        try {
            return Map.of("version", "2.0", "routeKey", "$default", "rawPath", path, "rawQueryString", "",
                    "headers", Map.of("content-type", "application/json"),
                    "requestContext", Map.of("stage", "$default", "requestId", "test-request",
                            "http", Map.of("method", method, "path", path, "protocol", "HTTP/1.1", "sourceIp", "127.0.0.1")),
                    "body", new ObjectMapper().writeValueAsString(body), "isBase64Encoded", false);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
