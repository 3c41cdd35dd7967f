package io.realtimegateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.NodeProject;

/**
 * fal's own JavaScript client ({@code @fal-ai/client} 1.10.1 from npm, pinned in {@code src/test/js/package.json}),
 * configured as a web app configures it ({@code proxyUrl}), through {@code /api/fal/proxy} to the embedded upstream.
 */
@QuarkusTest
@TestProfile(ProxyTestProfile.class)
class FalJsClientTest extends EmbeddedUpstreamTest {

    @TestHTTPResource(FalProxyRoute.PATH)
    URL proxy;

    @Test
    void realtimeConnectFetchesItsTokenThroughTheProxyAndResultsArriveOverTheSocket() throws Exception {
        long tokens = simulator.stats().tokenRequests();
        long connections = simulator.stats().connections(Fixtures.FLUX);
        JsonNode report = run("realtime", Fixtures.FLUX, 3);

        assertTrue(report.get("complete").asBoolean(), report.toString());
        assertEquals(List.of(100, 101, 102), report.get("results").findValues("seed").stream().map(JsonNode::asInt).toList());
        assertEquals(List.of(64, 72, 80), report.get("results").findValues("width").stream().map(JsonNode::asInt).toList());
        assertEquals("data:image/png;base64,", report.at("/results/0/url").asText());
        JsonNode tokenCall = report.at("/calls/0");
        assertEquals(1, report.get("calls").size(), "one HTTP call, the token request: " + report.get("calls"));
        assertEquals(proxy.toString(), tokenCall.get("url").asText());
        assertEquals(FalProxyTest.TOKENS, tokenCall.get("target").asText());
        assertEquals(201, tokenCall.get("status").asInt());
        assertEquals(tokens + 1, simulator.stats().tokenRequests(), "the token came from the upstream, through the proxy");
        assertEquals(connections + 1, simulator.stats().connections(Fixtures.FLUX), "one socket, opened with that token");
    }

    @Test
    void anAppOutsideTheAllowListGetsNoTokenAndNeverOpensASocket() throws Exception {
        long tokens = simulator.stats().tokenRequests();
        long upgrades = simulator.stats().upgradeRequests();
        JsonNode report = run("refused-app", Fixtures.SDXL, 1);

        assertTrue(report.get("complete").asBoolean(), report.toString());
        assertEquals(404, report.at("/calls/0/status").asInt());
        assertEquals("APP_NOT_FOUND", report.at("/calls/0/body/error/code").asText());
        assertEquals(0, report.get("results").size());
        assertEquals(tokens, simulator.stats().tokenRequests());
        assertEquals(upgrades, simulator.stats().upgradeRequests());
    }

    @Test
    void falRunGoesThroughTheProxyWithTheGatewaysKeyAndItsRequestIdComesBack() throws Exception {
        JsonNode report = run("run", "fal-ai/echo/run", 1);

        JsonNode seen = report.at("/results/0/data");
        assertEquals("POST", seen.get("method").asText(), report.toString());
        assertEquals("/fal-ai/echo/run", seen.get("path").asText());
        assertEquals("{\"prompt\":\"through the proxy\"}", seen.get("body").asText());
        assertEquals("Key " + FalProxyTest.simulatorKey(), seen.at("/headers/authorization").asText());
        assertTrue(report.at("/results/0/requestId").asText().startsWith("echo-"), "the upstream's x-fal-request-id reaches the client");

        JsonNode refused = run("run", "fal-ai/fast-sdxl", 1);
        assertEquals(404, refused.at("/errors/0/status").asInt(), refused.toString());
        assertEquals("APP_NOT_FOUND", refused.at("/errors/0/body/error/code").asText());
    }

    private JsonNode run(String scenario, String app, int inputs) throws Exception {
        String upstream = simulator.baseUrl().orElseThrow().toString().replaceFirst("^http", "ws");
        String line = NodeProject.TEST_SCRIPTS.require().run("fal-through-proxy.mjs", Map.of("PROXY_URL", proxy.toString(), "UPSTREAM_WS", upstream,
                "SCENARIO", scenario, "APP", app, "INPUTS", Integer.toString(inputs)), Duration.ofMinutes(1));
        return new ObjectMapper().readTree(line);
    }
}
