package io.realtimegateway.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.NodeProject;

/**
 * fal's official JavaScript client ({@code @fal-ai/client}, pinned in {@code src/bench/js/package.json}) on the
 * machine's Node.js, installed from npm into {@code target/bench/js} on first use.
 */
final class JsClient {

    private static final NodeProject PROJECT = new NodeProject(Path.of("src", "bench", "js"), Path.of("target", "bench", "js"));

    private JsClient() {
    }

    /** The loop's figures, or empty (with the reason printed) when Node.js or npm is not available. */
    static Optional<Figures> run(String upstream, String key, String app, int warmup, int iterations) throws Exception {
        Optional<String> missing = PROJECT.install();
        if (missing.isPresent()) {
            System.out.println(missing.get() + ": the JavaScript client scenario is skipped");
            return Optional.empty();
        }
        String output = PROJECT.run("realtime-loop.mjs", Map.of("UPSTREAM", upstream, "UPSTREAM_KEY", key, "APP", app, "WARMUP",
                Integer.toString(warmup), "ITERATIONS", Integer.toString(iterations)), Duration.ofMinutes(5), "--experimental-websocket", "--no-warnings");
        JsonNode result = new ObjectMapper().readTree(output);
        long[] durations = new long[result.get("durations").size()];
        for (int i = 0; i < durations.length; i++) {
            durations[i] = result.get("durations").get(i).asLong();
        }
        return Optional.of(Figures.of(durations, result.get("wallNanos").asLong(), 1, "inputs/s", result.get("errors").asLong()));
    }
}
