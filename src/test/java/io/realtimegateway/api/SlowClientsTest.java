package io.realtimegateway.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.RawHttp;
import io.realtimegateway.RawHttp.Response;

/**
 * Callers who send slowly hold a connection only as long as the deadlines allow, while a slow but steady upload and
 * a long invocation still finish; past the connection cap, new connections are closed and the running ones go on.
 * Short deadlines (a test profile) keep the test quick; the bytes are paced by a scheduler, as a slow client paces them.
 */
@QuarkusTest
@TestProfile(SlowClientsTest.ShortDeadlines.class)
class SlowClientsTest {

    static final int MAX_CONNECTIONS = 12;

    public static class ShortDeadlines implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.http.body-timeout", "1s", "gateway.http.body-min-rate", "1K", "gateway.http.keep-alive-timeout", "1s",
                    "quarkus.http.limits.max-connections", String.valueOf(MAX_CONNECTIONS));
        }
    }

    private static final String PATH = "/v1/realtime/fal-ai/flux-lora-realtime";

    @TestHTTPResource("/")
    URI base;

    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final List<RawHttp> open = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        pacer.shutdownNow();
        open.forEach(RawHttp::close);
    }

    @Test
    void aBodyTrickledAByteAtATimeIsA408AndTheConnectionCloses() {
        RawHttp http = connect();
        http.send("POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
        pacer.scheduleAtFixedRate(() -> http.send(" "), 200, 200, TimeUnit.MILLISECONDS);

        Response answer = http.read();
        HttpEdgeTest.assertRefused(408, "the request body arrived too slowly", answer);
        assertTrue(answer.json().getString("error.message").contains("must average at least 1024 bytes/s"));
        assertTrue(http.closedByServer());
    }

    @Test
    void aSlowButSteadyUploadFinishes() {
        byte[] body = HttpEdgeTest.padded(HttpEdgeTest.Endpoint.REST, 3000);
        RawHttp http = connect();
        http.send("POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n");
        AtomicInteger sent = new AtomicInteger();
        // 2 KB/s for 1.5 s: past the 1 s of grace, and twice the least rate.
        pacer.scheduleAtFixedRate(() -> {
            int from = sent.getAndAdd(500);
            if (from < body.length) {
                http.send(Arrays.copyOfRange(body, from, Math.min(body.length, from + 500)));
            }
        }, 0, 250, TimeUnit.MILLISECONDS);

        Response answer = http.read();
        assertEquals(200, answer.status(), answer::text);
        assertTrue(answer.text().contains("\"status\":\"ok\""));
    }

    @Test
    void aKeptAliveConnectionWhoseNextRequestDoesNotArriveIsClosedTricklingOrNot() {
        for (boolean trickle : new boolean[] { false, true }) {
            RawHttp http = connect();
            assertEquals(200, http.send("GET /v1/apps HTTP/1.1\r\nHost: localhost\r\n\r\n").read().status());
            assertEquals(200, http.send("GET /v1/apps HTTP/1.1\r\nHost: localhost\r\n\r\n").read().status(), "a prompt next request is served");
            http.send("GET /v1/apps HTTP/1.1\r\nHo");
            if (trickle) {
                pacer.scheduleAtFixedRate(() -> http.send("x"), 100, 100, TimeUnit.MILLISECONDS);
            }
            assertTrue(http.closedByServer(), "closed after the keep-alive deadline" + (trickle ? ", trickled bytes or not" : ""));
        }
    }

    @Test
    void pastTheConnectionCapNewConnectionsAreClosedAndRunningInvocationsFinish() {
        RawHttp legitimate = connect();
        byte[] slowInput = ("{\"inputs\":[{\"prompt\":\"a lighthouse\",\"image_size\":{\"width\":64,\"height\":64},\"seed\":1,"
                + "\"x_simulated_latency_ms\":1500}]}").getBytes(StandardCharsets.UTF_8);
        legitimate.send(RawHttp.post(PATH, "application/json", slowInput, ""));
        CompletableFuture<Response> answer = CompletableFuture.supplyAsync(legitimate::read);

        List<RawHttp> idle = new ArrayList<>();
        for (int i = 1; i < MAX_CONNECTIONS; i++) {
            idle.add(connect());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> connect(Duration.ofMillis(500)).closedByServer());

        Response done = answer.join();
        assertEquals(200, done.status(), done::text);
        assertTrue(done.text().contains("\"status\":\"ok\""), "the invocation running at the cap finished");

        idle.forEach(RawHttp::close);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> connect().send("GET /v1/apps HTTP/1.1\r\nHost: localhost\r\n\r\n").read().status() == 200);
    }

    private RawHttp connect() {
        return connect(Duration.ofSeconds(10));
    }

    private RawHttp connect(Duration readTimeout) {
        RawHttp http = RawHttp.connect(base, readTimeout);
        open.add(http);
        return http;
    }
}
