package io.realtimegateway.resilience;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.Fixtures;
import io.realtimegateway.config.EmbeddedUpstream;
import io.restassured.path.json.JsonPath;

/**
 * Hundreds of invocations through a proxy that cuts connections at random byte offsets, both ways: every
 * input still gets exactly one outcome, in order, and every result belongs to its input.
 */
@QuarkusTest
@TestProfile(CutConnectionsTest.ThroughACuttingProxy.class)
class CutConnectionsTest {

    static final int INVOCATIONS = 200;
    static final int INPUTS = 8;
    static final int CONCURRENT = 8;

    public static class ThroughACuttingProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Breakers are tested on their own: here cuts must only ever cost retries.
            return Map.of("gateway.resilience.breaker.request-volume-threshold", "100000",
                    "gateway.resilience.retry.max-retries", "10",
                    "gateway.client.max-sends-per-input", "10");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CuttingProxyResource.class));
        }
    }

    @Inject
    EmbeddedUpstream embedded;

    @Test
    void everyInputGetsExactlyOneOutcomeInOrderAndNoResultIsMisattributed() throws Exception {
        CuttingProxy proxy = CuttingProxyResource.proxy();
        proxy.target(embedded.address().orElseThrow().baseUrl().getPort());
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENT);
        List<Future<JsonPath>> calls = new ArrayList<>();
        for (int invocation = 0; invocation < INVOCATIONS; invocation++) {
            int firstSeed = invocation * INPUTS;
            calls.add(callers.submit(() -> invoke(firstSeed)));
        }

        int ok = 0;
        int reconnects = 0;
        Map<String, Integer> failures = new TreeMap<>();
        for (int invocation = 0; invocation < INVOCATIONS; invocation++) {
            JsonPath response = calls.get(invocation).get();
            List<Map<String, Object>> results = response.getList("results");
            assertEquals(INPUTS, results.size(), "one outcome per input");
            for (int index = 0; index < INPUTS; index++) {
                Map<String, Object> result = results.get(index);
                assertEquals(index, result.get("index"), "in input order, none twice");
                if ("ok".equals(result.get("status"))) {
                    assertEquals(invocation * INPUTS + index, ((Map<?, ?>) result.get("output")).get("seed"), "the result of its own input");
                    ok++;
                } else {
                    failures.merge(String.valueOf(((Map<?, ?>) result.get("error")).get("code")), 1, Integer::sum);
                }
            }
            reconnects += response.getInt("summary.reconnects");
        }
        callers.shutdown();

        Log.infof("Cut connections: %d invocations of %d inputs, %d connections, %d cut, %d reconnects, %d ok, failures %s, lost 0, duplicated 0",
                INVOCATIONS, INPUTS, proxy.connections(), proxy.cuts(), reconnects, ok, failures);
        assertTrue(proxy.cuts() >= INVOCATIONS / 4, "the proxy really cut connections: " + proxy.cuts());
        assertEquals(Map.of(), failures, "retries absorbed every cut");
    }

    private static JsonPath invoke(int firstSeed) {
        Map<String, Object> body = body(prompts(INPUTS, firstSeed));
        body.put("throttleIntervalMs", 32);
        return given().contentType("application/json").body(body).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(200).extract().jsonPath();
    }
}
