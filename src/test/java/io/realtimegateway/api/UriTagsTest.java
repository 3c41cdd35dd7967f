package io.realtimegateway.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.RawHttp;

/**
 * Junk paths cannot use up Micrometer's {@code uri} tags (max-uri-tags, 100): every way of being refused, and of
 * walking away mid-request, is counted under a route template or one shared tag, never under the caller's raw path.
 */
@QuarkusTest
@TestProfile(UriTagsTest.FreshMetrics.class)
class UriTagsTest {

    /** An application of its own, so that {@code /v1/apps} is first used after the junk, when tags would have run out. */
    public static class FreshMetrics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.micrometer.binder.http-server.max-uri-tags", "100");
        }
    }

    private static final Pattern URI_TAG = Pattern.compile("^http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"", Pattern.MULTILINE);
    /** Over max-uri-tags of abandoned requests alone. */
    private static final int JUNK = 55;

    @TestHTTPResource("/")
    URI base;

    @Test
    void refusalsAndAbandonedRequestsOnJunkPathsShareTheirTags() {
        for (int i = 0; i < JUNK; i++) {
            String junk = "junk" + i;
            given().get("/v1/realtime/fal-ai/" + junk).then().statusCode(405);
            given().put("/realtime/" + junk).then().statusCode(404);
            given().urlEncodingEnabled(false).contentType("application/json").body("{}").post("/v1/realtime/fal-ai/" + junk + "%2Fx")
                    .then().statusCode(400);
            given().contentType("application/json").body("{\"inputs\":[").post("/v1/realtime/fal-ai/" + junk).then().statusCode(400);
            given().contentType("application/json").body("{\"inputs\":[]}").post("/v1/realtime/fal-ai/" + junk + "/stream").then().statusCode(400);
            given().contentType("text/plain").body("x").post("/v1/realtime/fal-ai/" + junk).then().statusCode(415);
            given().get("/" + junk).then().statusCode(404);
            given().get("/" + junk + "?q=" + "a".repeat(5000)).then().statusCode(414);
            assertEquals(413, RawHttp.exchange(base, ("POST /v1/realtime/fal-ai/" + junk + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)).status());
            abandonMidBody("/" + junk);
            abandonMidBody("/v1/realtime/fal-ai/" + junk);
        }
        given().get("/v1/apps").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Set<String> tags = uriTags();
            assertTrue(tags.contains("/v1/apps"), () -> "a route still gets its series after the junk: " + tags);
            assertTrue(tags.stream().noneMatch(tag -> tag.contains("junk")), () -> "no raw junk path among the uri tags: " + tags);
            assertTrue(tags.size() < 20, () -> "a handful of tags, whatever the junk: " + tags);
        });
    }

    private void abandonMidBody(String path) {
        try (RawHttp http = RawHttp.connect(base, Duration.ofSeconds(10))) {
            http.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"inputs\"");
        }
    }

    private static Set<String> uriTags() {
        Matcher tags = URI_TAG.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        Set<String> values = new TreeSet<>();
        while (tags.find()) {
            values.add(tags.group(1));
        }
        return values;
    }
}
