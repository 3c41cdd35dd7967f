package io.realtimegateway.proxy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.config.EmbeddedUpstream;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;

/** {@code /api/fal/proxy} over HTTP: what it forwards, where, with which key, and what it refuses. */
@QuarkusTest
@TestProfile(ProxyTestProfile.class)
class FalProxyTest extends EmbeddedUpstreamTest {

    static final String TOKENS = "https://rest.fal.ai/tokens/";

    @TestHTTPResource("/")
    URL root;

    @Test
    void aTokenRequestIsAnsweredByTheUpstreamWithTheGatewaysKeyNotTheCallers() {
        long before = simulator.stats().tokenRequests();
        String token = proxy(TOKENS).header("Authorization", "Key the-callers-own-key")
                .body("{\"allowed_apps\":[\"flux-lora-realtime\"],\"token_expiration\":30}")
                .post(FalProxyRoute.PATH).then().statusCode(201).extract().as(String.class);
        assertEquals(before + 1, simulator.stats().tokenRequests());
        assertEquals("flux-lora-realtime", payload(token)[0]);
        assertTrue(expiresWithin(token, Duration.ofSeconds(30)));
    }

    @Test
    void anOversizedTokenExpirationIsCappedAndExtraFieldsDoNotReachTheUpstream() {
        String token = proxy(TOKENS).body("{\"allowed_apps\":[\"flux-lora-realtime\",\"lcm-sd15-i2i\"],\"token_expiration\":86400,\"admin\":true}")
                .post(FalProxyRoute.PATH).then().statusCode(201).extract().as(String.class);
        assertEquals("flux-lora-realtime,lcm-sd15-i2i", payload(token)[0]);
        assertTrue(expiresWithin(token, Duration.ofSeconds(60)), "the lifetime is capped at gateway.proxy.tokens.max-expiration");
    }

    @Test
    void aTokenForAnAppOutsideTheAllowListIsNotFoundAndNeverAskedFor() {
        long before = simulator.stats().tokenRequests();
        proxy(TOKENS).body("{\"allowed_apps\":[\"sdxl-turbo-realtime\"],\"token_expiration\":120}").post(FalProxyRoute.PATH)
                .then().statusCode(404).body("error.code", equalTo("APP_NOT_FOUND"))
                .body("error.message", containsString("allowed: fal-ai/flux-lora-realtime, fal-ai/lcm-sd15-i2i, fal-ai/echo"));
        proxy(TOKENS).body("{\"allowed_apps\":[\"flux-lora-realtime\"],\"token_expiration\":\"forever\"}").post(FalProxyRoute.PATH)
                .then().statusCode(400).body("error.code", equalTo("INVALID_INPUT"));
        assertEquals(before, simulator.stats().tokenRequests());
    }

    @Test
    void aMissingOrDisallowedTargetIsA400NamingWhatIsAllowed() {
        given().body("{}").contentType("application/json").post(FalProxyRoute.PATH).then().statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT")).body("error.message", containsString("x-fal-target-url header is missing"));
        for (String target : List.of("https://evil.example/steal", "https://rest.fal.ai/keys/", "https://fal.run.evil.example/fal-ai/echo")) {
            proxy(target).body("{}").post(FalProxyRoute.PATH).then().statusCode(400).body("error.code", equalTo("INVALID_INPUT"))
                    .body("error.message", containsString("allowed targets (https only): fal.run/**, queue.fal.run/**"));
        }
        proxy("http://fal.run/fal-ai/echo").get(FalProxyRoute.PATH).then().statusCode(400).body("error.message", containsString("https"));
        given().header(ProxyTarget.HEADER, "https://fal.run/fal-ai/echo").header(ProxyTarget.HEADER, "https://evil.example/")
                .get(FalProxyRoute.PATH).then().statusCode(400).body("error.message", containsString("once"));
    }

    @Test
    void aRunForAnAppOutsideTheAllowListIsNotFound() {
        int before = EchoUpstream.REQUESTS.get();
        proxy("https://fal.run/fal-ai/fast-sdxl").body("{\"prompt\":\"x\"}").post(FalProxyRoute.PATH).then().statusCode(404)
                .body("error.code", equalTo("APP_NOT_FOUND"));
        assertEquals(before, EchoUpstream.REQUESTS.get());
    }

    @Test
    void falHeadersContentTypeAndAcceptAreForwardedWithTheGatewaysKeyAndNothingElse() {
        Response response = proxy("https://fal.run/fal-ai/echo/run?mode=fast").header("x-fal-request-timeout", "30")
                .header("X-Fal-Queue-Priority", "low").header("Cookie", "session=1").header("Authorization", "Key callers-key")
                .header("X-Forwarded-For", "10.0.0.1").header("x-fal-client-proxy", "spoofed").accept("application/json")
                .body("{\"prompt\":\"a lighthouse\"}").put(FalProxyRoute.PATH);
        response.then().statusCode(200);
        JsonObject seen = EchoUpstream.LAST.get();
        JsonObject headers = seen.getJsonObject("headers");
        assertEquals("PUT", seen.getString("method"));
        assertEquals("/fal-ai/echo/run", seen.getString("path"));
        assertEquals("mode=fast", seen.getString("query"));
        assertEquals("{\"prompt\":\"a lighthouse\"}", seen.getString("body"));
        assertEquals("30", headers.getString("x-fal-request-timeout"));
        assertEquals("low", headers.getString("x-fal-queue-priority"));
        assertEquals("application/json", headers.getString("accept"));
        assertTrue(headers.getString("content-type").startsWith("application/json"));
        assertEquals("realtime-gateway", headers.getString("x-fal-client-proxy"));
        assertEquals("Key " + embeddedKey(), headers.getString("authorization"), "the gateway's key, never the caller's");
        for (String dropped : List.of("cookie", "x-forwarded-for", ProxyTarget.HEADER)) {
            assertFalse(headers.containsKey(dropped), dropped + " must not be forwarded");
        }
    }

    @Test
    void theUpstreamsStatusHeadersAndBodyComeBackLessHopByHopHeaders() {
        Response response = proxy("https://fal.run/fal-ai/echo/status/422").body("{\"prompt\":\"\"}").post(FalProxyRoute.PATH);
        response.then().statusCode(422).header("x-fal-request-id", containsString("echo-")).header("X-Upstream", "echo")
                .header("Keep-Alive", nullValue()).header("Set-Cookie", nullValue()).header("Access-Control-Allow-Origin", nullValue())
                .header("Content-Encoding", nullValue()).body("path", equalTo("/fal-ai/echo/status/422"));
        proxy("https://fal.run/fal-ai/echo/get").get(FalProxyRoute.PATH).then().statusCode(200).body("method", equalTo("GET"))
                .body("bodyBytes", equalTo(0));
    }

    @Test
    void aCompressedAnswerArrivesDecodedWithoutContentEncoding() {
        String big = "x".repeat(20_000);
        proxy("https://fal.run/fal-ai/echo/compressed").header("Accept-Encoding", "identity").body("{\"prompt\":\"" + big + "\"}")
                .post(FalProxyRoute.PATH).then().statusCode(200).header("Content-Encoding", nullValue()).body("bodyBytes", equalTo(big.length() + "{\"prompt\":\"\"}".length()));
        assertTrue(EchoUpstream.LAST.get().getJsonObject("headers").getString("accept-encoding").contains("gzip"),
                "the proxy asks for compression and decodes it itself");
    }

    @Test
    void aLargeAnswerIsStreamedUpToTheResponseBudgetAndCutOffBeyondIt() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> within = http.send(HttpRequest.newBuilder(proxyUri()).header(ProxyTarget.HEADER, "https://fal.run/fal-ai/echo/bytes/200000")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, within.statusCode());
        assertEquals(200_000, within.body().length);
        // Past gateway.proxy.max-response-size (256K here) the connection is cut: a truncated answer must never look complete.
        HttpResponse<InputStream> beyond = http.send(HttpRequest.newBuilder(proxyUri())
                .header(ProxyTarget.HEADER, "https://fal.run/fal-ai/echo/bytes/5000000").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, beyond.statusCode());
        long[] read = { 0 };
        assertThrows(IOException.class, () -> {
            try (InputStream body = beyond.body()) {
                for (int n; (n = body.read(new byte[8192])) > 0;) {
                    read[0] += n;
                }
            }
        });
        assertTrue(read[0] <= 256 * 1024, "at most the budget arrives, got " + read[0]);
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        String tooBig = "{\"prompt\":\"" + "y".repeat(70 * 1024) + "\"}";
        proxy("https://fal.run/fal-ai/echo/run").body(tooBig).post(FalProxyRoute.PATH).then().statusCode(413)
                .body("error.code", equalTo("INVALID_INPUT")).body("error.message", containsString("gateway.proxy.max-body-size"));
        proxy(TOKENS).body("{\"allowed_apps\":[\"flux-lora-realtime\"],\"pad\":\"" + "z".repeat(9000) + "\"}").post(FalProxyRoute.PATH)
                .then().statusCode(413).body("error.message", containsString("for a token request"));
    }

    @Test
    void anUpstreamThatNeverAnswersIsA504AtTheDeadlineAndItsRequestIsGivenUp() {
        EchoUpstream.hungRequestClosed = new CompletableFuture<>();
        proxy("https://fal.run/fal-ai/echo/hang").get(FalProxyRoute.PATH).then().statusCode(504).body("error.code", equalTo("TIMEOUT"))
                .body("error.message", containsString("gateway.proxy.timeout"));
        await().atMost(Duration.ofSeconds(10)).until(EchoUpstream.hungRequestClosed::isDone);
    }

    @Test
    void aPageOfTheGatewaysOwnOriginOrAConfiguredOneGetsCorsHeadersAForeignOneA403() {
        String own = "http://" + root.getHost() + ":" + root.getPort();
        for (String origin : List.of(own, ProxyTestProfile.ALLOWED_ORIGIN)) {
            proxy("https://fal.run/fal-ai/echo/run").header("Origin", origin).body("{}").post(FalProxyRoute.PATH).then().statusCode(200)
                    .header("Access-Control-Allow-Origin", origin).header("Vary", containsString("Origin"))
                    .header("Access-Control-Expose-Headers", containsString("x-fal-request-id"));
        }
        int before = EchoUpstream.REQUESTS.get();
        proxy(TOKENS).header("Origin", "https://evil.example").body("{\"allowed_apps\":[\"flux-lora-realtime\"]}").post(FalProxyRoute.PATH)
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN")).header("Access-Control-Allow-Origin", nullValue())
                .body("error.message", containsString("gateway.proxy.allowed-origins"));
        assertEquals(before, EchoUpstream.REQUESTS.get());
    }

    @Test
    void aPreflightIsAnsweredForWhatFalsClientSendsAndOnlyForAllowedOrigins() {
        given().header("Origin", ProxyTestProfile.ALLOWED_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,accept,x-fal-target-url,x-fal-object-lifecycle,authorization,x-other")
                .options(FalProxyRoute.PATH).then().statusCode(204)
                .header("Access-Control-Allow-Origin", ProxyTestProfile.ALLOWED_ORIGIN)
                .header("Access-Control-Allow-Methods", "GET, POST, PUT")
                .header("Access-Control-Allow-Headers", "content-type, accept, x-fal-target-url, x-fal-object-lifecycle")
                .header("Access-Control-Max-Age", "600");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").options(FalProxyRoute.PATH)
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN")).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void otherMethodsAreA405WithTheJsonErrorBody() {
        proxy("https://fal.run/fal-ai/echo/run").delete(FalProxyRoute.PATH).then().statusCode(405).header("Allow", "GET, POST, PUT, OPTIONS")
                .body("error.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void noAnswerOfTheProxysOwnCarriesTheKey() {
        String key = embeddedKey();
        for (Response response : List.of(proxy(TOKENS).body("{\"allowed_apps\":[\"flux-lora-realtime\"]}").post(FalProxyRoute.PATH),
                proxy(TOKENS).body("{\"allowed_apps\":[\"sdxl-turbo-realtime\"]}").post(FalProxyRoute.PATH),
                proxy("https://evil.example/").get(FalProxyRoute.PATH), proxy(TOKENS).header("Origin", "https://evil.example").post(FalProxyRoute.PATH))) {
            assertFalse(response.asString().contains(key), "no key in " + response.asString());
            assertFalse(response.headers().toString().contains(key), "no key in " + response.headers());
        }
    }

    private URI proxyUri() {
        return URI.create(root.toString().replaceAll("/$", "") + FalProxyRoute.PATH);
    }

    static RequestSpecification proxy(String target) {
        return given().header(ProxyTarget.HEADER, target).contentType("application/json");
    }

    private static String embeddedKey() {
        return simulatorKey();
    }

    /** The embedded upstream's key, as the gateway reads it. */
    static String simulatorKey() {
        return Arc.container().instance(EmbeddedUpstream.class).get().address().orElseThrow().key();
    }

    /** The simulator's token payload: {@code aliases|expiry-epoch-seconds}. */
    static String[] payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8).split("\\|");
    }

    static boolean expiresWithin(String token, Duration lifetime) {
        long expiry = Long.parseLong(payload(token)[1]);
        return expiry <= Instant.now().plus(lifetime).getEpochSecond() + 1 && expiry > Instant.now().getEpochSecond();
    }
}
