package io.realtimegateway.resilience;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.auth.TokenCache;
import io.realtimegateway.client.InputFailedException;
import io.realtimegateway.client.RealtimeClient;
import io.realtimegateway.client.RealtimeConnection;
import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.simulator.SimulatorSettings.Latency;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** What a failing upstream does to an invocation, played by the simulator's fault modes over real sockets. */
@QuarkusTest
class UpstreamFaultsTest extends EmbeddedUpstreamTest {

    @Inject
    RealtimeClient realtime;

    @Inject
    TokenCache tokens;

    @Test
    void droppedConnectionsAreReopenedAndOnlyUnansweredInputsResent() {
        simulator.update(s -> s.dropAfterResults(2, 0));
        long sentBefore = simulator.stats().inputs(Fixtures.FLUX);
        JsonPath response = ok(Fixtures.FLUX, body(prompts(8, 1)));

        assertEquals(seeds(1, 8), response.getList("results.output.seed"));
        assertEquals(8, response.getInt("summary.ok"));
        assertEquals(3, response.getInt("summary.reconnects"), "a socket per two results");
        assertTrue(response.getList("results.attempts", Integer.class).stream().anyMatch(attempts -> attempts > 1));
        // Only the inputs in flight at a drop (one or two, as pacing allows) went out again.
        long resent = simulator.stats().inputs(Fixtures.FLUX) - sentBefore - 8;
        assertTrue(resent >= 3 && resent <= 6, "resent " + resent);
    }

    @Test
    void aCloseWith1011IsALostConnectionToo() {
        simulator.update(s -> s.dropAfterResults(3, 1011));
        JsonPath response = ok(Fixtures.SDXL, body(prompts(6, 20)));
        assertEquals(seeds(20, 6), response.getList("results.output.seed"));
        assertEquals(1, response.getInt("summary.reconnects"));
    }

    @Test
    void connectionsDroppedAtRandomStillGiveEveryInputOneOutcome() {
        simulator.update(s -> s.dropProbability(0.1));
        for (int round = 0; round < 5; round++) {
            JsonPath response = ok(Fixtures.FLUX, body(prompts(8, 100 * round)));
            assertEquals(seeds(100 * round, 8), response.getList("results.output.seed"));
        }
    }

    @Test
    void aRepeatedlyRefusedUpgradeOpensTheAppsBreakerAndOnlyThatOne() {
        simulator.update(s -> s.onlyFor(Fixtures.FLUX).refuseUpgrades(503));

        // Each invocation retries, gives up with CONNECTION_LOST, and the breaker counts the failures until it opens.
        await().atMost(Duration.ofSeconds(30)).until(() -> invoke(Fixtures.FLUX, body(prompts(1, 1))).statusCode() == 503);
        Response open = invoke(Fixtures.FLUX, body(prompts(1, 1)));
        open.then().statusCode(503).body("error.code", equalTo("CIRCUIT_OPEN"));
        assertEquals("1", open.header("Retry-After"));
        long upgradesWhileOpen = simulator.stats().upgradeRequests();
        invoke(Fixtures.FLUX, body(prompts(1, 1))).then().statusCode(503);
        assertEquals(upgradesWhileOpen, simulator.stats().upgradeRequests(), "an open breaker fails fast, without connecting");

        ok(Fixtures.SDXL, body(prompts(2, 1)));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstream circuit breakers' }.data.'fal-ai/flux-lora-realtime'", equalTo("open"))
                .body("checks.find { it.name == 'upstream circuit breakers' }.data.'fal-ai/sdxl-turbo-realtime'", equalTo("closed"));
        given().get("/q/metrics").then()
                .body(containsString("gateway_upstream_breaker_transitions_total{app=\"fal-ai/flux-lora-realtime\",state=\"open\"}"))
                .body(containsString("gateway_upstream_retries_total{app=\"fal-ai/flux-lora-realtime\"}"));

        // The upstream recovers: after the breaker's delay a trial connection succeeds and it closes again.
        simulator.update(s -> s.refuseUpgrades(0));
        await().atMost(Duration.ofSeconds(30)).until(() -> invoke(Fixtures.FLUX, body(prompts(1, 1))).statusCode() == 200);
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'upstream circuit breakers' }.data.'fal-ai/flux-lora-realtime'", equalTo("closed"));
    }

    @Test
    void aRateLimitedUpgradeIsRetriedAfterItsRetryAfterThenReportedAs429() {
        simulator.update(s -> s.refuseUpgrades(429));
        long before = simulator.stats().upgradeRequests();
        Response response = invoke(Fixtures.FLUX, body(prompts(1, 1)));
        response.then().statusCode(429).body("error.code", equalTo("RATE_LIMITED"));
        assertTrue(Integer.parseInt(response.header("Retry-After")) >= 1);
        assertEquals(5, simulator.stats().upgradeRequests() - before, "one attempt and four retries");
    }

    @Test
    void inputsRefusedForTheRateLimitAreRetriedWithARaisedThrottleAndNoneIsLost() {
        simulator.update(s -> s.rateLimitMinInterval(Duration.ofMillis(100)));
        Map<String, Object> body = body(prompts(6, 1));
        body.put("throttleIntervalMs", 32);
        JsonPath response = ok(Fixtures.FLUX, body);

        assertEquals(seeds(1, 6), response.getList("results.output.seed"));
        assertTrue(response.getInt("summary.effectiveThrottleMs") >= 100, "raised from 32 ms until the upstream took the pace");
        assertTrue(response.getList("results.attempts", Integer.class).stream().anyMatch(attempts -> attempts > 1));
        given().get("/q/metrics").then().body(containsString("gateway_upstream_rate_limited_total{app=\"fal-ai/flux-lora-realtime\"}"));
    }

    @Test
    void aRateLimitOutlastingTheDeadlineIs429WithThePartialResults() {
        simulator.update(s -> s.onlyFor(Fixtures.SDXL).rateLimitMinInterval(Duration.ofSeconds(30)));
        Map<String, Object> body = body(prompts(3, 1));
        body.put("timeoutMs", 1500);
        Response response = invoke(Fixtures.SDXL, body);

        response.then().statusCode(429).body("error.code", equalTo("RATE_LIMITED"));
        assertTrue(Integer.parseInt(response.header("Retry-After")) >= 1);
        JsonPath json = response.jsonPath();
        assertEquals(List.of("ok", "error", "error"), json.getList("results.status"));
        assertEquals(List.of("RATE_LIMITED", "RATE_LIMITED"), json.getList("results.findAll { it.status == 'error' }.error.code"));
        assertEquals(1, json.getInt("summary.ok"));
    }

    @Test
    void aMalformedFrameFailsTheInputItAnswersAndNothingElse() {
        simulator.update(s -> s.malformedEvery(3));
        JsonPath response = ok(Fixtures.FLUX, body(prompts(6, 1)));
        assertEquals(List.of("ok", "ok", "error", "ok", "ok", "error"), response.getList("results.status"));
        assertEquals("UPSTREAM_ERROR", response.getString("results[2].error.code"));
        assertTrue(response.getString("results[2].error.message").startsWith("the upstream sent a malformed frame"));
        assertEquals(List.of(1, 2, 4, 5), response.getList("results.findAll { it.status == 'ok' }.output.seed"));

        simulator.update(s -> s.malformedEvery(0));
        ok(Fixtures.FLUX, body(prompts(2, 1)));
    }

    @Test
    void aSilentUpstreamEndsInTimeoutForTheWaitingInputsKeepingTheResults() {
        simulator.update(s -> s.silentAfterResults(2));
        Map<String, Object> body = body(prompts(4, 1));
        body.put("timeoutMs", 1500);
        JsonPath response = ok(Fixtures.FLUX, body);
        assertEquals(List.of("ok", "ok", "error", "error"), response.getList("results.status"));
        assertEquals(List.of("TIMEOUT", "TIMEOUT"), response.getList("results.findAll { it.status == 'error' }.error.code"));
    }

    @Test
    void anInputWithoutAResultForTheInputTimeoutFailsWithTimeout() {
        simulator.update(s -> s.silentAfterResults(0));
        try (RealtimeConnection connection = realtime.connect(Fixtures.FLUX, result -> {
        })) {
            ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> connection.send(Fixtures.prompt("into the void", 1)).toCompletableFuture().get(20, TimeUnit.SECONDS));
            InputFailedException timedOut = (InputFailedException) failure.getCause();
            assertEquals(ErrorCode.TIMEOUT, timedOut.code());
            assertTrue(timedOut.getMessage().contains("gateway.resilience.input-timeout"));
        }
    }

    @Test
    void aHangingUpgradeRunsIntoTheConnectTimeoutAndIsRetried() {
        simulator.update(s -> s.hangUpgrades(true));
        long before = simulator.stats().upgradeRequests();
        Map<String, Object> body = body(prompts(1, 1));
        body.put("timeoutMs", 3500);
        invoke(Fixtures.FLUX, body).then().statusCode(504).body("error.code", equalTo("TIMEOUT"));
        assertTrue(simulator.stats().upgradeRequests() - before >= 2, "the 1 s connect timeout fired and the upgrade was tried again");
    }

    @Test
    void aSlowTokenEndpointOnlyDelays() {
        // No token cached for the alias, and a key no socket has: this invocation must fetch a token, and wait for it.
        tokens.invalidate(AppId.parse(Fixtures.LTX));
        simulator.update(s -> s.tokenDelay(Duration.ofMillis(300)));
        long delayed = simulator.stats().delayedTokenRequests();
        Map<String, Object> body = body(List.of(Map.of("prompt", "a", "seed", 1, "num_frames", 1), Map.of("prompt", "b", "seed", 2, "num_frames", 1)));
        body.put("connectionKey", "slow-token-" + System.nanoTime());

        JsonPath response = ok(Fixtures.LTX, body);

        assertEquals(seeds(1, 2), response.getList("results.output.seed"));
        assertEquals(0, response.getInt("summary.failed"));
        assertEquals(1, simulator.stats().delayedTokenRequests() - delayed, "the invocation waited for a token the endpoint answered late");
    }

    @Test
    void aFailingTokenEndpointIsRetriedThenReportedAsConnectionLost() {
        simulator.update(s -> s.tokenFailureStatus(503));
        long before = simulator.stats().tokenRequests();
        // An alias no other test has a cached token for.
        invoke("fal-ai/token-fault-test", body(prompts(1, 1)))
                .then().statusCode(502).body("error.code", equalTo("CONNECTION_LOST"))
                .body("error.message", containsString("token endpoint failed with HTTP 503"));
        assertEquals(5, simulator.stats().tokenRequests() - before, "one attempt and four retries");
    }

    @Test
    void codesThatRetriesCannotFixAreTriedOnce() {
        long upgrades = simulator.stats().upgradeRequests();
        // An id no other test uses: the gateway remembers the upstream's 404s for a while.
        invoke("fal-ai/never-retried-app", body(prompts(1, 1))).then().statusCode(404);
        assertEquals(1, simulator.stats().upgradeRequests() - upgrades, "APP_NOT_FOUND: one upgrade");

        simulator.update(s -> s.refuseTokens(true));
        long connections = simulator.stats().connections(Fixtures.FLUX);
        invoke(Fixtures.FLUX, body(prompts(2, 1))).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        assertEquals(1, simulator.stats().connections(Fixtures.FLUX) - connections, "UNAUTHORIZED: one connection");
    }

    @Test
    void aSlowModelKeepsTheSameSocket() {
        simulator.update(s -> s.latency(new Latency(Duration.ofMillis(50), Duration.ZERO, Duration.ZERO)));
        assertEquals(0, ok(Fixtures.FLUX, body(prompts(4, 1))).getInt("summary.reconnects"));
    }

    static Response invoke(String app, Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/v1/realtime/" + app);
    }

    static JsonPath ok(String app, Map<String, Object> body) {
        return invoke(app, body).then().statusCode(200).extract().jsonPath();
    }

    static List<Integer> seeds(int first, int count) {
        List<Integer> seeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seeds.add(first + i);
        }
        return seeds;
    }
}
