package io.realtimegateway.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.LogCapture;
import io.realtimegateway.RawHttp;

/**
 * A caller's mistakes are answered, and logged at DEBUG at most: malformed chunks, aborted uploads, a missing Host,
 * bodies and heads over their limits, wrong methods. The DEBUG lines (on in this profile) prove each reached the
 * gateway; not one WARN or ERROR may come with them.
 */
@QuarkusTest
@TestProfile(CallerMistakesLogTest.DebugAtTheEdge.class)
class CallerMistakesLogTest {

    public static class DebugAtTheEdge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"io.realtimegateway.api\".level", "DEBUG");
        }
    }

    private static final int EACH = 20;
    private static final String PATH = "/v1/realtime/fal-ai/flux-lora-realtime";

    @TestHTTPResource("/")
    URI base;

    @Test
    void mistakesAreAnsweredAndNeverLoggedAsWarningsOrErrors() {
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < EACH; i++) {
                try (RawHttp http = RawHttp.connect(base, Duration.ofSeconds(30))) {
                    http.send(HttpEdgeTest.MALFORMED_CHUNK).closedByServer();
                }
                try (RawHttp http = RawHttp.connect(base, Duration.ofSeconds(30))) {
                    http.send("POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"in");
                }
                send(400, "POST " + PATH + " HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
                send(400, "POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"inputs\"");
                send(413, "POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 99999999999\r\n\r\n");
                send(414, "GET /v1/apps?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
                send(431, "GET /v1/apps HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(30_000) + "\r\n\r\n");
                send(417, "POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nExpect: teapot\r\nContent-Length: 2\r\n\r\n{}");
                send(405, "PUT /realtime HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
                send(405, "GET /realtime?app=x HTTP/1.1\r\nHost: localhost\r\n\r\n");
            }
            // A malformed chunk is seen twice (the broken read, then the dropped connection): at least one line per request.
            await().atMost(Duration.ofSeconds(30)).until(() -> log.matching("io.realtimegateway.api", "Could not read the request").size()
                    + log.matching("io.realtimegateway.api", "went away before its answer").size() >= 2 * EACH);
            List<LogRecord> loud = log.atLeast(Level.WARNING);
            assertEquals(List.of(), loud, () -> LogCapture.describe(loud));
        }
    }

    private void send(int status, String request) {
        assertEquals(status, RawHttp.exchange(base, request.getBytes(StandardCharsets.ISO_8859_1)).status(), request.substring(0, 40));
    }
}
