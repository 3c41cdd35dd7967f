package io.realtimegateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
 * What tracing costs when no exporter is configured: gateway processes side by side on one upstream, measured in
 * rotating rounds of the same run: the default (spans made for their ids, which the logs carry, but recording nothing),
 * spans recorded in full and dropped (what an exporter would be handed), and the OpenTelemetry SDK off
 * ({@code quarkus.otel.sdk.disabled=true}), the baseline. Written to
 * {@code target/bench/tracing.md}; like the main benchmark it reports, it does not fail the build over figures.
 * Scenarios 1 and 4 of the main benchmark, through the gateway process, where the spans are made.
 */
class TracingCostIT {

    private static final boolean SMOKE = Boolean.getBoolean("bench.smoke");
    private static final String PATH = "/v1/realtime/fal-ai/sdxl-turbo-realtime";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One gateway process measured, and what its tracing does. */
    private record Side(String name, MeasuredProcess process) {
    }

    /** A load generator for each side, with this many connections to it; closed together. */
    private record Loads(Map<Side, HttpLoad> bySide) implements AutoCloseable {

        static Loads open(Vertx vertx, List<Side> sides, int connections) {
            Map<Side, HttpLoad> bySide = new HashMap<>();
            sides.forEach(side -> bySide.put(side, new HttpLoad(vertx, side.process().httpPort(), connections)));
            return new Loads(bySide);
        }

        HttpLoad to(Side side) {
            return bySide.get(side);
        }

        @Override
        public void close() {
            bySide.values().forEach(HttpLoad::close);
        }
    }

    @Test
    void tracingWithoutAnExporterAgainstNoTracing() throws Exception {
        int upstreamPort = PackagedApp.freePort();
        Map<String, String> settings = BenchProcesses.gatewaySettings(upstreamPort);
        Vertx vertx = Vertx.vertx();
        try (MeasuredProcess upstream = MeasuredProcess.start("tracing-upstream", PackagedApp.Build.JAR, List.of(), BenchProcesses.upstreamSettings(upstreamPort));
                MeasuredProcess traced = MeasuredProcess.start("gateway-traced", PackagedApp.Build.JAR, BenchProcesses.GATEWAY_JVM, settings);
                MeasuredProcess control = MeasuredProcess.start("gateway-control", PackagedApp.Build.JAR, BenchProcesses.GATEWAY_JVM, settings);
                MeasuredProcess recorded = MeasuredProcess.start("gateway-recorded", PackagedApp.Build.JAR, BenchProcesses.GATEWAY_JVM,
                        with(settings, "gateway.traces.record-without-endpoint", "true"));
                MeasuredProcess untraced = MeasuredProcess.start("gateway-untraced", PackagedApp.Build.JAR, BenchProcesses.GATEWAY_JVM,
                        with(settings, "quarkus.otel.sdk.disabled", "true"))) {
            Side off = new Side("tracing off (`quarkus.otel.sdk.disabled=true`)", untraced);
            // Two processes alike: how far apart they measure is how far apart processes measure anyway, the noise floor.
            List<Side> sides = List.of(new Side("default: no endpoint, spans record nothing", traced),
                    new Side("the same again, a second process (control)", control),
                    new Side("spans recorded and dropped (`gateway.traces.record-without-endpoint=true`)", recorded), off);
            List<String> rows = new ArrayList<>();
            rows.addAll(sequential(vertx, sides, off));
            rows.addAll(concurrent(vertx, sides, off));
            String report = "| scenario | gateway | figures | against tracing off |\n|---|---|---|---|\n" + String.join("\n", rows)
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

    /** The sides in the order of this round: rotated each round, so that none always runs first. */
    private static List<Side> inTurn(List<Side> sides, int round) {
        List<Side> order = new ArrayList<>(sides);
        Collections.rotate(order, round);
        return order;
    }

    /**
     * Scenario 1's loop (one input at a time over one socket, the next sent when the last is answered) through the
     * gateway, where the client's spans are made: invocations of one unpaced input one after another, on one keyed
     * socket that stays open between them. A side's ratio is the median of the rounds' ratios against tracing off.
     */
    private List<String> sequential(Vertx vertx, List<Side> sides, Side off) throws Exception {
        String body = body(1, Map.of("throttleIntervalMs", 0, "connectionKey", "tracing-cost"), Map.of());
        int rounds = size(10, 1);
        int perRound = size(2000, 20);
        Map<Side, long[]> nanos = new HashMap<>();
        Map<Side, double[]> cpu = new HashMap<>();
        try (Loads loads = Loads.open(vertx, sides, 1)) {
            for (Side side : sides) {
                nanos.put(side, new long[rounds]);
                cpu.put(side, new double[rounds]);
            }
            // Warmed up side by side, invocation by invocation: each JIT profiles the same upstream at the same warmth. Warmed
            // one after the other, the first of two identical processes measured up to 2x the CPU of the second.
            long warmUntil = System.nanoTime() + Duration.ofSeconds(size(3 * 20, 1)).toNanos();
            while (System.nanoTime() < warmUntil) {
                for (Side side : sides) {
                    ok(loads.to(side).post(PATH, body).toCompletableFuture().get(1, TimeUnit.MINUTES));
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (Side side : inTurn(sides, round)) {
                    double before = side.process().cpuSeconds();
                    nanos.get(side)[round] = sequentialRound(loads.to(side), body, perRound);
                    cpu.get(side)[round] = side.process().cpuSeconds() - before;
                }
            }
        }
        double inputsPerRun = (double) perRound * rounds;
        List<String> rows = new ArrayList<>();
        for (Side side : sides) {
            double[] throughput = new double[rounds];
            double[] cpuRatios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                throughput[round] = (double) nanos.get(off)[round] / nanos.get(side)[round];
                cpuRatios[round] = cpu.get(side)[round] / cpu.get(off)[round];
            }
            Arrays.sort(throughput);
            Arrays.sort(cpuRatios);
            double inputsPerSecond = inputsPerRun / (Arrays.stream(nanos.get(side)).sum() / 1e9);
            double cpuPerK = Arrays.stream(cpu.get(side)).sum() / (inputsPerRun / 1000);
            rows.add(String.format(Locale.ROOT, "| 1: one input at a time over one kept socket, each a POST /v1/realtime (%d rotating rounds) | %s | %.0f inputs/s, CPU %.3f s per 1000 inputs | %s |",
                    rounds, side.name(), inputsPerSecond, cpuPerK, side == off ? "" : String.format(Locale.ROOT,
                            "**%.3f** throughput (%.3f-%.3f), **%.3f** CPU (%.3f-%.3f); medians of the rounds' ratios (range)", throughput[rounds / 2],
                            throughput[0], throughput[rounds - 1], cpuRatios[rounds / 2], cpuRatios[0], cpuRatios[rounds - 1])));
        }
        return rows;
    }

    private long sequentialRound(HttpLoad http, String body, int invocations) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < invocations; i++) {
            ok(http.post(PATH, body).toCompletableFuture().get(1, TimeUnit.MINUTES));
        }
        return System.nanoTime() - start;
    }

    /** As scenario 4: bursts of 200 invocations of 8 inputs at once, 20 ms model, default 64 ms pacing. */
    private List<String> concurrent(Vertx vertx, List<Side> sides, Side off) throws Exception {
        int concurrent = size(200, 20);
        int rounds = size(4, 1);
        String body = body(8, Map.of(), Map.of("x_simulated_latency_ms", 20));
        Map<Side, List<Long>> durations = new HashMap<>();
        Map<Side, double[]> cpu = new HashMap<>();
        try (Loads loads = Loads.open(vertx, sides, concurrent)) {
            for (Side side : sides) {
                durations.put(side, new ArrayList<>());
                cpu.put(side, new double[1]);
                for (int warmUp = 0; warmUp < size(3, 1); warmUp++) {
                    burst(loads.to(side), concurrent, body);
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (Side side : inTurn(sides, round)) {
                    double before = side.process().cpuSeconds();
                    for (HttpLoad.Call call : burst(loads.to(side), concurrent, body)) {
                        ok(call);
                        durations.get(side).add(call.nanos());
                    }
                    cpu.get(side)[0] += side.process().cpuSeconds() - before;
                }
            }
        }
        double inputsK = concurrent * rounds * 8 / 1000.0;
        Map<Side, Figures> figures = new HashMap<>();
        sides.forEach(side -> figures.put(side, Figures.of(durations.get(side).stream().mapToLong(Long::longValue).toArray(), 1, 8, "inputs/s", 0)));
        double offCpuPerK = cpu.get(off)[0] / inputsK;
        List<String> rows = new ArrayList<>();
        for (Side side : sides) {
            Figures mine = figures.get(side);
            double cpuPerK = cpu.get(side)[0] / inputsK;
            rows.add(String.format(Locale.ROOT, "| 4: %d concurrent invocations of 8 inputs, 20 ms model, 64 ms pacing (%d rotating rounds) | %s | p99 %.0f ms, p50 %.0f ms, CPU %.3f s per 1000 inputs | %s |",
                    concurrent, rounds, side.name(), mine.p99Millis(), mine.p50Millis(), cpuPerK, side == off ? ""
                            : String.format(Locale.ROOT, "**%.3f** p99, %.3f p50, %.3f CPU", mine.p99Millis() / figures.get(off).p99Millis(),
                                    mine.p50Millis() / figures.get(off).p50Millis(), cpuPerK / offCpuPerK)));
        }
        return rows;
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
