package io.realtimegateway.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.FalJavaScriptClient;

/** fal's official JavaScript client running the benchmark's loop ({@code src/bench/js/realtime-loop.mjs}). */
final class JsClient {

    private JsClient() {
    }

    /** The loop's figures, or empty (with the reason printed) when Node.js or npm is not available. */
    static Optional<Figures> run(String upstream, String key, String app, int warmup, int iterations) throws Exception {
        if (!FalJavaScriptClient.installed()) {
            System.out.println("fal's JavaScript client is not available: the scenario is skipped");
            return Optional.empty();
        }
        String output = FalJavaScriptClient.run("realtime-loop.mjs", Map.of("UPSTREAM", upstream, "UPSTREAM_KEY", key, "APP", app, "WARMUP",
                Integer.toString(warmup), "ITERATIONS", Integer.toString(iterations)), Duration.ofMinutes(5));
        JsonNode result = new ObjectMapper().readTree(output);
        long[] durations = new long[result.get("durations").size()];
        for (int i = 0; i < durations.length; i++) {
            durations[i] = result.get("durations").get(i).asLong();
        }
        return Optional.of(Figures.of(durations, result.get("wallNanos").asLong(), 1, "inputs/s", result.get("errors").asLong()));
    }
}
