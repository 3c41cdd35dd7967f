package io.realtimegateway.api;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.simulator.Simulator;

/** Bad input gets a clear error with a stable code, and nothing is sent upstream. */
@QuarkusTest
class BadRequestTest {

    @Inject
    Simulator simulator;

    private long connectionsBefore;
    private long tokenRequestsBefore;

    @BeforeEach
    void countUpstreamTraffic() {
        connectionsBefore = simulator.stats().connections();
        tokenRequestsBefore = simulator.stats().tokenRequests();
    }

    @AfterEach
    void nothingReachedTheUpstream() {
        assertEquals(connectionsBefore, simulator.stats().connections(), "no WebSocket may be opened for a bad request");
        assertEquals(tokenRequestsBefore, simulator.stats().tokenRequests(), "no token may be asked for for a bad request");
    }

    static Stream<Arguments> badBodies() {
        String ok = "[{\"prompt\":\"x\"}]";
        return Stream.of(
                Arguments.of("{}", "inputs is required: a non-empty array of input objects"),
                Arguments.of("{\"inputs\":[]}", "inputs must not be empty"),
                Arguments.of("{\"inputs\":{\"prompt\":\"x\"}}", "inputs must be an array of input objects, got an object"),
                Arguments.of("{\"inputs\":[{\"prompt\":\"x\"}, 7]}", "inputs[1] must be a JSON object, got the number 7"),
                Arguments.of("{\"inputs\":" + ok + ",\"throttleIntervalMs\":\"fast\"}", "throttleIntervalMs must be a whole number, got the string \"fast\""),
                Arguments.of("{\"inputs\":" + ok + ",\"throttleIntervalMs\":31}", "throttleIntervalMs must be between 32 and 10000 ms (inclusive); got 31"),
                Arguments.of("{\"inputs\":" + ok + ",\"throttleIntervalMs\":1e12}", "throttleIntervalMs must be between 32 and 10000 ms (inclusive); got 1000000000000"),
                Arguments.of("{\"inputs\":" + ok + ",\"throttleIntervalMs\":64.5}", "throttleIntervalMs must be a whole number, got the number 64.5"),
                Arguments.of("{\"inputs\":" + ok + ",\"throttleIntervalMs\":0}", "throttleIntervalMs must be between 32 and 10000 ms (inclusive); got 0"),
                Arguments.of("{\"inputs\":" + ok + ",\"parallelism\":0}", "parallelism must be between 1 and 8 (inclusive); got 0"),
                Arguments.of("{\"inputs\":" + ok + ",\"parallelism\":9}", "parallelism must be between 1 and 8 (inclusive); got 9"),
                Arguments.of("{\"inputs\":" + ok + ",\"maxBuffering\":61}", "maxBuffering must be between 1 and 60 (inclusive); got 61"),
                Arguments.of("{\"inputs\":" + ok + ",\"maxBuffering\":0}", "maxBuffering must be between 1 and 60 (inclusive); got 0"),
                Arguments.of("{\"inputs\":" + ok + ",\"timeoutMs\":0}", "timeoutMs must be between 1 and 300000 ms (inclusive); got 0"),
                Arguments.of("{\"inputs\":" + ok + ",\"path\":\"/../tokens\"}", "path '/../tokens' must look like /realtime"),
                Arguments.of("{\"inputs\":" + ok + ",\"path\":7}", "path must be a string, got the number 7"),
                Arguments.of("{\"inputs\":" + ok + ",\"connectionKey\":\"has spaces\"}", "connectionKey must be 1 to 128 characters"),
                Arguments.of("{\"inputs\":" + ok + ",\"inptus\":[]}", "unknown field 'inptus'; the known fields are connectionKey, inputs, maxBuffering, parallelism, path, throttleIntervalMs, timeoutMs"),
                Arguments.of("{\"inputs\":[", "the body is not valid JSON (line 1, column 12)"),
                Arguments.of("{\"inputs\":" + ok + ",\"timeoutMs\":900,\"timeoutMs\":90000}", "the body names a field twice (line 1, column"),
                Arguments.of("[1,2]", "the body must be a JSON object such as {\"inputs\":[{\"prompt\":\"...\"}]}"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void aBadBodyIsA400NamingTheProblem(String body, String message) {
        given().contentType("application/json").body(body).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"))
                .body("error.message", containsString(message));
    }

    @Test
    void moreInputsThanTheLimitIsA400() {
        given().contentType("application/json").body(body(prompts(65, 1))).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(400)
                .body("error.message", equalTo("inputs has 65 items; at most 64 are allowed per invocation (gateway.invocation.max-inputs)"));
    }

    @Test
    void aBodyOverTheSizeLimitIsA413() {
        String huge = "{\"inputs\":[{\"prompt\":\"" + "x".repeat(300 * 1024) + "\"}]}";
        given().contentType("application/json").body(huge).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(413)
                .body("error.code", equalTo("INVALID_INPUT"))
                .body("error.message", containsString("at most 262144 bytes are accepted (gateway.invocation.max-body-size)"));
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        given().contentType("text/plain").body("prompt=x").post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(415).body("error.code", equalTo("INVALID_INPUT"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "evil.com/x", "a@b/c", "fal-ai/x%2F..%2F..%2Ftokens", "fal-ai%2F..%2Fx/y", "FAL-AI/flux-lora-realtime",
            "fal-ai/%2E%2E", "fal-ai%2Fflux-lora-realtime", "fal-ai%2fx%2Fy", "fal-ai%5Cx", "fal-ai/../x", "fal-ai/x/../../tokens", "fal-ai/./x", "fal-ai/x%3A8080", "fal-ai/x%40evil.com", "fal-ai/x%00",
            "fal-ai/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
    void hostileAppIdsAreA400(String app) {
        given().urlEncodingEnabled(false).contentType("application/json").body(body(prompts(1, 1)))
                .post("/v1/realtime/" + app)
                .then().statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"))
                .body("error.message", containsString("app id"));
        // and the upstream saw nothing: checked after each test
    }

    @Test
    void anAppOffTheAllowListIsA404() {
        given().contentType("application/json").body(body(prompts(1, 1))).post("/v1/realtime/someone-else/an-app")
                .then().statusCode(404)
                .body("error.code", equalTo("APP_NOT_FOUND"))
                .body("error.message", equalTo("app someone-else/an-app is not available through this gateway (allowed: fal-ai/*)"));
    }

    @Test
    void requestsNoEndpointTakesGetTheSameErrorBody() {
        for (String path : List.of("/v1/realtime/fal-ai", "/v1/realtime/fal-ai/flux-lora-realtime/extra", "/v2/anything")) {
            given().contentType("application/json").body(body(prompts(1, 1))).post(path)
                    .then().statusCode(404)
                    .body("error.code", equalTo("INVALID_INPUT"))
                    .body("error.message", containsString("POST /v1/realtime/{owner}/{alias}"));
        }
        given().get("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(405)
                .body("error.code", equalTo("INVALID_INPUT"))
                .body("error.message", containsString("does not take that HTTP method"));
    }

    @Test
    void aStreamedBodyOverTheSizeLimitIsA413WithTheSameErrorBody() {
        byte[] huge = ("{\"inputs\":[{\"prompt\":\"" + "x".repeat(300 * 1024) + "\"}]}").getBytes();
        given().contentType("application/json").body(new java.io.ByteArrayInputStream(huge)).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(413)
                .body("error.code", equalTo("INVALID_INPUT"))
                .body("error.message", containsString("at most 262144 bytes are accepted"));
    }

    @Test
    void theFunctionNamesItsOwnFieldsAndTheAppFieldsType() {
        given().contentType("application/json").body(Map.of("app", Fixtures.FLUX, "inputs", prompts(1, 1), "inptus", List.of())).post("/realtime")
                .then().statusCode(400)
                .body("error.message", equalTo("unknown field 'inptus'; the known fields are app, connectionKey, inputs, maxBuffering, "
                        + "parallelism, path, throttleIntervalMs, timeoutMs"));
        given().contentType("application/json").body(Map.of("app", 5, "inputs", prompts(1, 1))).post("/realtime")
                .then().statusCode(400)
                .body("error.message", equalTo("app must be a string such as \"fal-ai/flux-lora-realtime\", got the number 5"));
    }

    @Test
    void theFunctionRefusesTheSameWay() {
        given().contentType("application/json").body(Map.of("inputs", prompts(1, 1))).post("/realtime")
                .then().statusCode(400).body("error.message", containsString("app is required"));
        for (String hostile : List.of("evil.com/x", "fal-ai//x", "fal-ai/../x", "fal-ai/x/../../tokens")) {
            given().contentType("application/json").body(Map.of("app", hostile, "inputs", prompts(1, 1))).post("/realtime")
                    .then().statusCode(400).body("error.code", equalTo("INVALID_INPUT"));
        }
        given().contentType("application/json").body(Map.of("app", "someone-else/x", "inputs", prompts(1, 1))).post("/realtime")
                .then().statusCode(404).body("error.code", equalTo("APP_NOT_FOUND"));
        given().contentType("application/json").body("{\"app\":").post("/realtime")
                .then().statusCode(400).body("error.code", equalTo("INVALID_INPUT"));
    }
}
