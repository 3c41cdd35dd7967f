package io.realtimegateway.proxy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.config.ProxyConfig;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A proxy for server-side callers only (a shared secret) with a tight token budget, and the playground turned off. */
@QuarkusTest
@TestProfile(LockedDownProxyTest.LockedDown.class)
class LockedDownProxyTest extends EmbeddedUpstreamTest {

    static final String SECRET = "only-our-servers-know-this";

    @TestHTTPResource("/")
    URL root;

    public static class LockedDown implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EchoUpstream.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.apps.allowed", "fal-ai/*", "gateway.proxy.shared-secret", SECRET, "gateway.proxy.tokens.rate-limit.per-client", "3",
                    "gateway.proxy.tokens.rate-limit.window", "10m", "gateway.playground.enabled", "false",
                    // Nothing listens on port 1 of loopback: a host the proxy cannot reach.
                    "gateway.proxy.host-overrides.\"queue.fal.run\"", "http://127.0.0.1:1");
        }
    }

    @Test
    void aFloodOfTokenRequestsIsRefusedPastThePerClientLimitAndNeverReachesTheUpstream() {
        long before = simulator.stats().tokenRequests();
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(tokenRequest().header("Authorization", "Key " + SECRET).post(FalProxyRoute.PATH));
        }
        long granted = answers.stream().filter(answer -> answer.statusCode() == 201).count();
        List<Response> refused = answers.stream().filter(answer -> answer.statusCode() != 201).toList();
        // Nothing else in this profile takes tokens (refusals of the shared secret come before the rate limit).
        assertEquals(3, granted, "the callers with the secret get exactly the per-client limit of tokens");
        assertEquals(8 - granted, refused.size());
        for (Response answer : refused) {
            answer.then().statusCode(429).body("error.code", equalTo("RATE_LIMITED")).body("error.message", containsString("gateway.proxy.tokens.rate-limit"));
            assertTrue(Integer.parseInt(answer.header("Retry-After")) >= 1);
        }
        assertEquals(before + granted, simulator.stats().tokenRequests(), "refused requests never reach the token endpoint");
    }

    @Test
    void withASharedSecretCallersWithoutItAreUnauthorizedAndTheSecretIsNeverForwarded() {
        for (String authorization : new String[] { null, "Key wrong", "Key " + SECRET + "x" }) {
            var request = tokenRequest();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.post(FalProxyRoute.PATH).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"))
                    .body("error.message", containsString("gateway.proxy.shared-secret"))
                    .body("error.message", not(containsString(SECRET)));
        }
    }

    @Test
    void whenTheCallerGoesAwayTheUpstreamRequestIsResetBeforeTheDeadline() throws IOException {
        EchoUpstream.hungRequestClosed = new CompletableFuture<>();
        int before = EchoUpstream.REQUESTS.get();
        try (Socket caller = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = caller.getOutputStream();
            out.write(("GET " + FalProxyRoute.PATH + " HTTP/1.1\r\nHost: " + root.getHost() + ":" + root.getPort() + "\r\nAuthorization: Key " + SECRET
                    + "\r\n" + ProxyTarget.HEADER + ": https://fal.run/fal-ai/echo/hang\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> EchoUpstream.REQUESTS.get() > before);
        }
        // The deadline here is the default 120 s: only the caller's leaving can end the upstream request this soon.
        await().atMost(Duration.ofSeconds(30)).until(EchoUpstream.hungRequestClosed::isDone);
    }

    @Test
    void anUnreachableUpstreamIsALostConnectionThatNamesNoHostOrPort() {
        given().header("Authorization", "Key " + SECRET).header(ProxyTarget.HEADER, "https://queue.fal.run/fal-ai/echo").get(FalProxyRoute.PATH)
                .then().statusCode(502).body("error.code", equalTo("CONNECTION_LOST"))
                .body("error.message", equalTo("the upstream could not be reached: it refused the connection"));
    }

    @Test
    void thePlaygroundIsOffWhenDisabled() {
        for (String path : List.of("/", "/index.html", "/playground/playground.js")) {
            given().get(path).then().statusCode(404).body("error.code", equalTo("INVALID_INPUT"))
                    .body("error.message", containsString("gateway.playground.enabled"));
        }
    }

    @Test
    void eachClientHasItsOwnBudgetAndTheInstanceOneOverAll() {
        TokenRateLimit limit = new TokenRateLimit(rateLimit(2, 3));
        limit.acquire("10.0.0.1");
        limit.acquire("10.0.0.1");
        assertEquals(ErrorCode.RATE_LIMITED, assertThrows(RealtimeException.class, () -> limit.acquire("10.0.0.1")).code());
        limit.acquire("10.0.0.2");
        RealtimeException instanceFull = assertThrows(RealtimeException.class, () -> limit.acquire("10.0.0.2"));
        assertTrue(instanceFull.getMessage().contains("this gateway has handed out 3"), instanceFull.getMessage());
        assertFalse(instanceFull.retryAfter().isEmpty());
    }

    private static RequestSpecification tokenRequest() {
        return FalProxyTest.proxy(FalProxyTest.TOKENS).body("{\"allowed_apps\":[\"flux-lora-realtime\"],\"token_expiration\":120}");
    }

    private static ProxyConfig.RateLimit rateLimit(int perClient, int instance) {
        return new ProxyConfig.RateLimit() {
            public int perClient() {
                return perClient;
            }

            public int instance() {
                return instance;
            }

            public Duration window() {
                return Duration.ofMinutes(10);
            }

            public Type type() {
                return Type.ROLLING;
            }

            public int maxClients() {
                return 100;
            }
        };
    }
}
