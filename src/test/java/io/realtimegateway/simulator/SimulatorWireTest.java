package io.realtimegateway.simulator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.config.EmbeddedUpstream;
import io.realtimegateway.config.SimulatorConfig.ResultFormat;
import io.realtimegateway.protocol.UpstreamMessage;
import io.realtimegateway.protocol.UpstreamMessage.FalError;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;

/** The embedded upstream on the wire, checked with a bare client: it must behave like fal's server. */
@QuarkusTest
class SimulatorWireTest extends EmbeddedUpstreamTest {

    @Inject
    EmbeddedUpstream embedded;

    @Inject
    Vertx vertx;

    private URI base;

    @BeforeEach
    void locate() {
        base = embedded.address().orElseThrow().baseUrl();
    }

    @Test
    void theTokenEndpointWantsTheKeyAndAnswersABareJsonString() {
        given().baseUri(base.toString()).contentType("application/json").header("Authorization", "Key wrong")
                .body(Map.of("allowed_apps", List.of("flux-lora-realtime"), "token_expiration", 120))
                .post("/tokens/").then().statusCode(401);
        String token = token("flux-lora-realtime");
        assertTrue(token.matches("[A-Za-z0-9._~-]+"));
    }

    @Test
    void resultsComeBackFirstInFirstOutAsMsgpack() throws Exception {
        try (RawFalClient fal = connect(Fixtures.FLUX, "max_buffering=2")) {
            fal.send(Fixtures.prompt("one", 1));
            fal.send(Fixtures.prompt("two", 2));
            await().until(() -> fal.results().size() == 2);
            assertEquals(List.of(1L, 2L), fal.results().stream().map(r -> r.get("seed")).toList());
            assertEquals(List.of(false), fal.results().get(0).get("has_nsfw_concepts"));
        }
    }

    @Test
    void resultsCanComeAsJsonText() throws Exception {
        simulator.update(s -> s.resultFormat(ResultFormat.JSON));
        try (RawFalClient fal = connect(Fixtures.FLUX, "")) {
            fal.send(Fixtures.prompt("one", 1));
            await().until(() -> fal.results().size() == 1);
            assertEquals(1, fal.results().get(0).get("seed"));
        }
    }

    @Test
    void aFullQueueSilentlyDropsItsOldestInput() throws Exception {
        simulator.update(s -> s.latency(new SimulatorSettings.Latency(Duration.ofMillis(300), Duration.ZERO, Duration.ZERO)));
        long droppedBefore = simulator.stats().dropped(Fixtures.FLUX);
        try (RawFalClient fal = connect(Fixtures.FLUX, "max_buffering=2")) {
            for (int seed = 1; seed <= 5; seed++) {
                fal.send(Fixtures.prompt("burst", seed));
            }
            // One input runs, two wait, two were dropped: the oldest waiting ones, 2 and 3.
            await().until(() -> fal.results().size() == 3);
            assertEquals(List.of(1L, 4L, 5L), fal.results().stream().map(r -> r.get("seed")).toList());
            assertEquals(2, simulator.stats().dropped(Fixtures.FLUX) - droppedBefore);
        }
    }

    @Test
    void anInvalidInputEndsTheSessionWithTheValidationReasonAndANormalClose() throws Exception {
        try (RawFalClient fal = connect(Fixtures.FLUX, "")) {
            fal.send(Map.of("seed", 1));
            assertEquals((short) 1000, fal.closed.get(10, TimeUnit.SECONDS));
            FalError error = assertInstanceOf(FalError.class, fal.received.get(0));
            assertEquals("INTERNAL_ERROR", error.error());
            assertEquals("1 validation error for Input\nprompt\n  field required", error.reason());
        }
    }

    @Test
    void textAndUndecodableFramesEndTheSessionToo() throws Exception {
        try (RawFalClient text = connect(Fixtures.FLUX, ""); RawFalClient garbage = connect(Fixtures.FLUX, "")) {
            text.sendText("{\"prompt\":\"x\"}");
            garbage.sendRaw(new byte[] { (byte) 0xc1 });
            assertEquals((short) 1000, text.closed.get(10, TimeUnit.SECONDS));
            assertEquals((short) 1000, garbage.closed.get(10, TimeUnit.SECONDS));
            assertEquals("INTERNAL_ERROR", ((FalError) text.received.get(0)).error());
            assertEquals("INTERNAL_ERROR", ((FalError) garbage.received.get(0)).error());
        }
    }

    @Test
    void anIdleSessionDrainsThenSendsTheTimeoutNoticeAndCloses() throws Exception {
        simulator.update(s -> s.sessionTimeout(Duration.ofMillis(200)));
        try (RawFalClient fal = connect(Fixtures.FLUX, "")) {
            fal.send(Fixtures.prompt("one", 1));
            assertEquals((short) 1000, fal.closed.get(10, TimeUnit.SECONDS));
            assertEquals(2, fal.received.size());
            assertInstanceOf(UpstreamMessage.Result.class, fal.received.get(0));
            assertTrue(assertInstanceOf(FalError.class, fal.received.get(1)).isIdleTimeout());
        }
    }

    @Test
    void aBadTokenGetsTheUnauthorizedFrameThenAPolicyViolationClose() throws Exception {
        try (RawFalClient fal = RawFalClient.connect(vertx, base, "/fal-ai/flux-lora-realtime/realtime?fal_jwt_token=forged.token")) {
            assertEquals((short) 1008, fal.closed.get(10, TimeUnit.SECONDS));
            assertEquals(List.of(new UpstreamMessage.Unauthorized()), fal.received);
        }
    }

    @Test
    void aTokenForAnotherAppIsRefused() throws Exception {
        try (RawFalClient fal = RawFalClient.connect(vertx, base,
                "/fal-ai/flux-lora-realtime/realtime?fal_jwt_token=" + token("sdxl-turbo-realtime"))) {
            fal.closed.get(10, TimeUnit.SECONDS);
            assertEquals(List.of(new UpstreamMessage.Unauthorized()), fal.received);
        }
    }

    @Test
    void unknownAppsAndPathsAre404OnTheUpgrade() {
        for (String path : List.of("/fal-ai/not-an-app/realtime", "/fal-ai/flux-lora-realtime/other", "/evil.com/x/realtime")) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> RawFalClient.connect(vertx, base, path + "?fal_jwt_token=x"));
            assertEquals(404, assertInstanceOf(UpgradeRejectedException.class, failure.getCause()).getStatus());
        }
    }

    @Test
    void aBufferingOutside1To60IsRefusedOnTheUpgrade() {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> connect(Fixtures.FLUX, "max_buffering=61"));
        assertEquals(400, assertInstanceOf(UpgradeRejectedException.class, failure.getCause()).getStatus());
    }

    @Test
    void aClientCloseIsAnsweredWithANormalClose() throws Exception {
        RawFalClient fal = connect(Fixtures.FLUX, "");
        fal.close();
        assertEquals((short) 1000, fal.closed.get(10, TimeUnit.SECONDS));
    }

    @Test
    void anUnknownPathIsA404OverPlainHttpToo() {
        given().baseUri(base.toString()).get("/nothing").then().statusCode(404).body("detail", equalTo("Not Found"));
    }

    private RawFalClient connect(String app, String query) throws Exception {
        String alias = app.substring(app.indexOf('/') + 1);
        return RawFalClient.connect(vertx, base, "/" + app + "/realtime?fal_jwt_token=" + token(alias) + (query.isEmpty() ? "" : "&" + query));
    }

    private String token(String alias) {
        return given().baseUri(base.toString()).contentType("application/json")
                .header("Authorization", "Key " + embedded.address().orElseThrow().key())
                .body(Map.of("allowed_apps", List.of(alias), "token_expiration", 120))
                .post("/tokens/").then().statusCode(201).extract().as(String.class);
    }
}
