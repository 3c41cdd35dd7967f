package io.realtimegateway.packaged;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.Fixtures;
import io.realtimegateway.PackagedApp;

/**
 * SIGTERM on the packaged jar, as Knative and Kubernetes stop a container: the invocation in flight gets every one of
 * its results, readiness goes DOWN, a newcomer is refused with 503 and {@code Retry-After}, and then the process
 * exits. Progress is read from the invocation's own stream of results, so nothing waits on a clock.
 */
class ShutdownDrainIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/realtime/" + Fixtures.FLUX;

    // HTTP/1.1, as Knative's queue-proxy speaks to the container.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void anInvocationInFlightFinishesNewOnesAreRefusedAndTheProcessExits() throws Exception {
        try (PackagedApp gateway = PackagedApp.start(PackagedApp.Build.JAR, Path.of("target", "packaged", "drain-gateway.log"), List.of(), Map.of("gateway.simulator.port", "0"))) {
            String base = "http://127.0.0.1:" + gateway.httpPort();
            // 8 inputs 250 ms apart: about 2 s of work, most of it still ahead when the signal comes.
            Map<String, Object> body = Fixtures.body(Fixtures.prompts(8, 1));
            body.put("throttleIntervalMs", 250);
            HttpResponse<java.util.stream.Stream<String>> stream = http.send(post(base + PATH + "/stream", body),
                    HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, stream.statusCode());
            Iterator<String> lines = stream.body().iterator();
            List<JsonNode> results = new ArrayList<>();
            JsonNode summary = null;

            results.add(nextEvent(lines, "result"));
            results.add(nextEvent(lines, "result"));
            gateway.terminate();

            await("readiness DOWN").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 503);
            HttpResponse<String> newcomer = http.send(post(base + PATH, Fixtures.body(Fixtures.prompts(1, 99))),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, newcomer.statusCode(), newcomer.body());
            assertEquals("1", newcomer.headers().firstValue("Retry-After").orElse(null));
            assertEquals("SHUTTING_DOWN", JSON.readTree(newcomer.body()).path("error").path("code").asText(), newcomer.body());

            while (summary == null) {
                String name = nextEventName(lines);
                JsonNode data = JSON.readTree(nextData(lines));
                if (name.equals("result")) {
                    results.add(data);
                } else {
                    summary = data;
                }
            }
            assertEquals(8, results.size());
            results.forEach(result -> assertEquals("ok", result.path("status").asText(), result.toString()));
            assertEquals(8, summary.path("ok").asInt(), summary.toString());

            assertTrue(gateway.process().waitFor(60, TimeUnit.SECONDS), "the process exits once the invocation is answered");
            // The JVM reports its exit on SIGTERM as 128 + 15.
            assertEquals(143, gateway.process().exitValue());
            List<String> output = gateway.output();
            assertTrue(output.stream().anyMatch(line -> line.contains("Shutting down: readiness is DOWN")), String.join("\n", output));
            // The invocation's socket waited warm once it was done, and was closed, not cut, before the exit.
            assertTrue(output.stream().anyMatch(line -> line.contains("Closed 1 idle upstream sockets (0 still held): the last invocation is done")),
                    String.join("\n", output));
            // No OTLP endpoint is configured: the spans made on the way were dropped, not sent to a collector that is not there.
            assertTrue(output.stream().noneMatch(line -> line.contains("Failed to export")), String.join("\n", output));
        }
    }

    private static HttpRequest post(String url, Object body) throws Exception {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private static JsonNode nextEvent(Iterator<String> lines, String name) throws Exception {
        assertEquals(name, nextEventName(lines));
        return JSON.readTree(nextData(lines));
    }

    /** The name of the next Server-Sent Event. */
    private static String nextEventName(Iterator<String> lines) {
        return nextField(lines, "event:");
    }

    private static String nextData(Iterator<String> lines) {
        return nextField(lines, "data:");
    }

    /** The value of the next line of the stream that starts with this field name. */
    private static String nextField(Iterator<String> lines, String field) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith(field)) {
                return line.substring(field.length()).strip();
            }
        }
        throw new AssertionError("the stream ended early");
    }
}
