package io.realtimegateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.PackagedApp;
import io.vertx.core.Vertx;

/**
 * What tracing costs when no exporter is configured (the default: spans are made, their ids logged, and dropped):
 * two gateway processes side by side on one upstream, one with tracing (the default) and one with the OpenTelemetry
 * SDK off ({@code quarkus.otel.sdk.disabled=true}), measured in alternating rounds of the same run. Written to
 * {@code target/bench/tracing.md}; like the main benchmark it reports, it does not fail the build over figures.
 * Scenarios 1 and 4 of the main benchmark, through the gateway process, where the spans are made.
 */
class TracingCostIT {

    private static final boolean SMOKE = Boolean.getBoolean("bench.smoke");
    private static final String PATH = "/v1/realtime/fal-ai/sdxl-turbo-realtime";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tracingWithoutAnExporterAgainstNoTracing() throws Exception {
        int upstreamPort = PackagedApp.freePort();
        Vertx vertx = Vertx.vertx();
        try (MeasuredProcess upstream = MeasuredProcess.start("tracing-upstream", PackagedApp.Build.JAR, List.of(), BenchProcesses.upstreamSettings(upstreamPort));
                MeasuredProcess traced = MeasuredProcess.start("gateway-traced", PackagedApp.Build.JAR, BenchProcesses.GATEWAY_JVM, BenchProcesses.gatewaySettings(upstreamPort));
                MeasuredProcess untraced = MeasuredProcess.start("gateway-untraced", PackagedApp.Build.JAR, BenchProcesses.GATEWAY_JVM,
                        with(BenchProcesses.gatewaySettings(upstreamPort), "quarkus.otel.sdk.disabled", "true"))) {
            List<String> rows = new ArrayList<>();
            rows.add(sequential(vertx, traced, untraced));
            rows.add(concurrent(vertx, traced, untraced));
            String report = "| scenario | traced (no exporter) | tracing off | traced / off |\n|---|---|---|---|\n" + String.join("\n", rows)
                    + "\n\n" + Map.of("when", Instant.now().toString(), "mode", SMOKE ? "smoke (figures not meaningful)" : "full",
                            "cores", Runtime.getRuntime().availableProcessors(), "gatewayJvm", String.join(" ", BenchProcesses.GATEWAY_JVM))
                    + "\n";
            Path written = Path.of("target", "bench", "tracing.md");
            Files.writeString(written, report);
            System.out.println(report + "Written to " + written.toAbsolutePath());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Scenario 1's loop (one input at a time over one socket, the next sent when the last is answered) through the
     * gateway, where the client's spans are made: invocations of one unpaced input one after another, on one keyed
     * socket that stays open between them. The ratio is the median of the rounds' ratios.
     */
    private String sequential(Vertx vertx, MeasuredProcess traced, MeasuredProcess untraced) throws Exception {
        String body = body(1, Map.of("throttleIntervalMs", 0, "connectionKey", "tracing-cost"), Map.of());
        int rounds = size(10, 1);
        int perRound = size(2000, 20);
        double[] ratios = new double[rounds];
        long[] tracedWall = new long[1];
        long[] untracedWall = new long[1];
        try (HttpLoad toTraced = new HttpLoad(vertx, traced.httpPort(), 1); HttpLoad toUntraced = new HttpLoad(vertx, untraced.httpPort(), 1)) {
            for (HttpLoad http : List.of(toTraced, toUntraced)) {
                long warmUntil = System.nanoTime() + Duration.ofSeconds(size(20, 1)).toNanos();
                while (System.nanoTime() < warmUntil) {
                    ok(http.post(PATH, body).toCompletableFuture().get(1, TimeUnit.MINUTES));
                }
            }
            for (int round = 0; round < rounds; round++) {
                // The order alternates, so that neither side always runs first.
                boolean tracedFirst = round % 2 == 0;
                long first = sequentialRound(tracedFirst ? toTraced : toUntraced, body, perRound);
                long second = sequentialRound(tracedFirst ? toUntraced : toTraced, body, perRound);
                long tracedNanos = tracedFirst ? first : second;
                long untracedNanos = tracedFirst ? second : first;
                tracedWall[0] += tracedNanos;
                untracedWall[0] += untracedNanos;
                ratios[round] = (double) untracedNanos / tracedNanos;
            }
        }
        Arrays.sort(ratios);
        double inputsPerRun = (double) perRound * rounds;
        return String.format(Locale.ROOT, "| 1: one input at a time over one kept socket, each a POST /v1/realtime (median of %d alternating rounds) | %.0f inputs/s | %.0f inputs/s | **%.3f** throughput (rounds %.3f-%.3f) |",
                rounds, inputsPerRun / (tracedWall[0] / 1e9), inputsPerRun / (untracedWall[0] / 1e9), ratios[rounds / 2], ratios[0],
                ratios[rounds - 1]);
    }

    private long sequentialRound(HttpLoad http, String body, int invocations) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < invocations; i++) {
            ok(http.post(PATH, body).toCompletableFuture().get(1, TimeUnit.MINUTES));
        }
        return System.nanoTime() - start;
    }

    /** As scenario 4: bursts of 200 invocations of 8 inputs at once, 20 ms model, default 64 ms pacing. */
    private String concurrent(Vertx vertx, MeasuredProcess traced, MeasuredProcess untraced) throws Exception {
        int concurrent = size(200, 20);
        int rounds = size(4, 1);
        String body = body(8, Map.of(), Map.of("x_simulated_latency_ms", 20));
        Map<MeasuredProcess, List<Long>> durations = new HashMap<>(Map.of(traced, new ArrayList<>(), untraced, new ArrayList<>()));
        Map<MeasuredProcess, double[]> cpu = new HashMap<>(Map.of(traced, new double[1], untraced, new double[1]));
        try (HttpLoad toTraced = new HttpLoad(vertx, traced.httpPort(), concurrent);
                HttpLoad toUntraced = new HttpLoad(vertx, untraced.httpPort(), concurrent)) {
            Map<MeasuredProcess, HttpLoad> loads = Map.of(traced, toTraced, untraced, toUntraced);
            for (MeasuredProcess side : List.of(traced, untraced)) {
                for (int warmUp = 0; warmUp < size(3, 1); warmUp++) {
                    burst(loads.get(side), concurrent, body);
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (MeasuredProcess side : round % 2 == 0 ? List.of(traced, untraced) : List.of(untraced, traced)) {
                    double before = side.cpuSeconds();
                    for (HttpLoad.Call call : burst(loads.get(side), concurrent, body)) {
                        ok(call);
                        durations.get(side).add(call.nanos());
                    }
                    cpu.get(side)[0] += side.cpuSeconds() - before;
                }
            }
        }
        double inputsK = concurrent * rounds * 8 / 1000.0;
        Figures withTracing = Figures.of(durations.get(traced).stream().mapToLong(Long::longValue).toArray(), 1, 8, "inputs/s", 0);
        Figures without = Figures.of(durations.get(untraced).stream().mapToLong(Long::longValue).toArray(), 1, 8, "inputs/s", 0);
        double tracedCpu = cpu.get(traced)[0] / inputsK;
        double untracedCpu = cpu.get(untraced)[0] / inputsK;
        return String.format(Locale.ROOT, "| 4: %d concurrent invocations of 8 inputs, 20 ms model, 64 ms pacing (%d alternating rounds) | p99 %.0f ms, p50 %.0f ms, CPU %.3f s per 1000 inputs | p99 %.0f ms, p50 %.0f ms, CPU %.3f s per 1000 inputs | **%.3f** p99, %.3f CPU |",
                concurrent, rounds, withTracing.p99Millis(), withTracing.p50Millis(), tracedCpu, without.p99Millis(), without.p50Millis(),
                untracedCpu, withTracing.p99Millis() / without.p99Millis(), tracedCpu / untracedCpu);
    }

    private static List<HttpLoad.Call> burst(HttpLoad http, int concurrent, String body) throws Exception {
        List<CompletableFuture<HttpLoad.Call>> calls = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            calls.add(http.post(PATH, body).toCompletableFuture());
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static void ok(HttpLoad.Call call) {
        if (call.status() != 200 || call.body().getJsonObject("summary").getInteger("failed") != 0) {
            throw new IllegalStateException("invocation failed: " + call.body());
        }
    }

    private static String body(int inputs, Map<String, Object> options, Map<String, Object> extraInput) throws Exception {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            Map<String, Object> input = new LinkedHashMap<>(Map.of("prompt", "a lighthouse in a storm", "image_size", Map.of("width", 64, "height", 64),
                    "num_inference_steps", 1, "seed", i % 200));
            input.putAll(extraInput);
            list.add(input);
        }
        Map<String, Object> body = new LinkedHashMap<>(options);
        body.put("inputs", list);
        return JSON.writeValueAsString(body);
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> more = new HashMap<>(settings);
        more.put(key, value);
        return more;
    }

    private static int size(int full, int smoke) {
        return SMOKE ? smoke : full;
    }
}
