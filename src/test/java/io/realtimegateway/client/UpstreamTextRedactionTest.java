package io.realtimegateway.client;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.Fixtures;

/**
 * Whatever an upstream says, it cannot make the gateway pass on its token or its key: error reasons, close reasons and
 * outputs that quote them are masked on every path, and a failed connection names no host of the gateway's side.
 */
@QuarkusTest
@TestProfile(HostileUpstream.Profile.class)
class UpstreamTextRedactionTest {

    @Inject
    RealtimeClient realtime;

    @Test
    void anErrorReasonThatQuotesTheRequestLineReachesTheCallerMasked() {
        String answer = given().contentType("application/json").body(body(prompts(1, 1))).post("/v1/realtime/fal-ai/echo-error")
                .then().statusCode(200).extract().asString();
        assertTrue(answer.contains("cannot parse GET /fal-ai/echo-error/realtime?fal_jwt_token=***&max_buffering=2 HTTP/1.1 (Authorization: Key ***)"),
                answer);
        assertLeaksNothing(answer);
    }

    @Test
    void outputsLoseTheTokenButKeepEverythingElse() {
        String answer = given().contentType("application/json").body(body(prompts(1, 1))).post("/v1/realtime/fal-ai/echo-output")
                .then().statusCode(200).extract().asString();
        assertTrue(answer.contains("https://cdn.example/x.png?fal_jwt_token=***&w=64"), answer);
        assertLeaksNothing(answer);
    }

    @Test
    void theStreamIsMaskedToo() {
        String events = given().contentType("application/json").body(body(prompts(1, 1))).post("/v1/realtime/fal-ai/echo-error/stream")
                .then().statusCode(200).extract().asString();
        assertTrue(events.contains("fal_jwt_token=***"), events);
        assertLeaksNothing(events);
    }

    @Test
    void aCloseReasonReachesTheJavaListenerMasked() {
        List<String> reasons = new CopyOnWriteArrayList<>();
        try (RealtimeConnection connection = realtime.connect("fal-ai/echo-close", new RealtimeListener() {
            @Override
            public void onResult(Map<String, Object> result) {
            }

            @Override
            public void onClose(int code, String reason) {
                reasons.add(code + " " + reason);
            }
        })) {
            connection.send(Fixtures.prompt("x", 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> !reasons.isEmpty());
        }
        assertEquals("1011 refused token ***", reasons.get(0));
    }

    @Test
    void aConnectionThatFailsNamesWhatHappenedButNoHostOrPort() {
        String message = given().contentType("application/json").body(body(prompts(1, 1))).post("/v1/realtime/fal-ai/cut-upgrade")
                .then().statusCode(502).extract().jsonPath().getString("error.message");
        assertEquals("could not connect to the upstream for fal-ai/cut-upgrade: the WebSocket handshake failed", message);
    }

    private static void assertLeaksNothing(String text) {
        assertFalse(text.contains(HostileUpstream.TOKEN), text);
        assertFalse(text.contains("echo-key-secret"), text);
        assertFalse(text.contains("echo-key-id"), text);
    }
}
