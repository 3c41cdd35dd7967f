package io.realtimegateway.bench;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.Locale;
import java.util.function.IntFunction;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.realtimegateway.PackagedApp;
import io.realtimegateway.client.RealtimeClient;
import io.realtimegateway.client.RealtimeConnection;
import io.realtimegateway.client.RealtimeOptions;
import io.vertx.core.Vertx;

/**
 * The benchmark: what the gateway costs over talking to the socket yourself, side by side in one run, written
 * to {@code target/bench/results.md} and {@code results.json}. Run it with {@code ./mvnw -B -Pbench verify};
 * {@code -Dbench.smoke=true} runs every scenario briefly, so that the harness never rots. It reports figures
 * and whether each target was met; it does not fail the build over them.
 */
@QuarkusTest
@TestProfile(GatewayBenchmarkIT.AgainstTheBenchProcesses.class)
class GatewayBenchmarkIT {

    public static class AgainstTheBenchProcesses implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(BenchProcesses.class));
        }
    }

    private static final boolean SMOKE = Boolean.getBoolean("bench.smoke");
    private static final String APP = "fal-ai/sdxl-turbo-realtime";
    private static final String PATH = "/v1/realtime/" + APP;

    @Inject
    RealtimeClient realtime;

    @Inject
    Vertx vertx;

    @Inject
    Instance<BasicWebSocketConnector> connectors;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void benchmark() throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        Figures[] loops = rawAndJavaClient(scenarios);
        scenarios.add(httpAggregated(loops[0]));
        if (BenchProcesses.GATEWAY == PackagedApp.Build.JAR) {
            scenarios.add(javaScriptClient(loops[1])); // the clients alone: which gateway build runs makes no difference
        }
        // Memory right after the warm-up (scenario 2), before the 200-way burst grows the heap for its own sake.
        Scenario memory = memory();
        scenarios.add(concurrency());
        Scenario fanOut = fanOut();
        scenarios.add(fanOut);
        scenarios.add(ProxyTokenCalls.measure(vertx, BenchProcesses.upstreamUrl(), BenchProcesses.gateway().httpPort(), size(2000, 20), size(10, 1),
                size(1000, 20)));
        scenarios.add(scenarios.indexOf(fanOut), withRssAtTheEnd(memory)); // listed in scenario order

        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("when", Instant.now().toString());
        environment.put("mode", SMOKE ? "smoke (short runs: figures are not meaningful)" : "full");
        environment.put("cores", Runtime.getRuntime().availableProcessors());
        environment.put("java", System.getProperty("java.version"));
        environment.put("gateway", BenchProcesses.GATEWAY.name().toLowerCase(Locale.ROOT) + " " + String.join(" ", BenchProcesses.gatewayOptions()));
        System.out.println(BenchReport.markdown(scenarios, environment));
        String stem = BenchProcesses.GATEWAY == PackagedApp.Build.JAR ? "results" : "results-native";
        System.out.println("Written to " + BenchReport.write(stem, scenarios, environment).toAbsolutePath());
    }

    /**
     * Scenario 1: one input at a time over one socket: a bare Vert.x client, the same over bare WebSockets Next (the
     * client library the gateway must use, as a reference), and ours, in alternating rounds.
     */
    private Figures[] rawAndJavaClient(List<Scenario> scenarios) throws Exception {
        int rounds = size(10, 1);
        int iterations = size(10_000, 100);
        RealtimeOptions unpaced = RealtimeOptions.defaults().withThrottleInterval(Duration.ZERO).withMaxBuffering(2)
                .withConnectionKey("bench-java-client");
        URI upstream = URI.create(BenchProcesses.upstreamUrl());
        Loops raw = new Loops();
        Loops framework = new Loops();
        Loops ours = new Loops();
        try (RawLoop rawLoop = RawLoop.connect(vertx, upstream, APP, token());
                BareWebSocketsNextLoop frameworkLoop = BareWebSocketsNextLoop.connect(connectors.get(), upstream, APP, token());
                RealtimeConnection connection = realtime.connect(APP, unpaced, result -> {
                })) {
            IntFunction<CompletionStage<?>> rawSend = i -> rawLoop.send(input(i));
            IntFunction<CompletionStage<?>> frameworkSend = i -> frameworkLoop.send(input(i));
            IntFunction<CompletionStage<?>> clientSend = i -> connection.send(input(i));
            for (IntFunction<CompletionStage<?>> send : List.of(rawSend, frameworkSend, clientSend)) {
                AsyncLoop.run(size(4000, 50), send).done().get(5, TimeUnit.MINUTES);
            }
            List<Loops> sides = List.of(raw, framework, ours);
            List<IntFunction<CompletionStage<?>>> sends = List.of(rawSend, frameworkSend, clientSend);
            for (int round = 0; round < rounds; round++) {
                // The order rotates each round, so that no side always runs first or last.
                for (int turn = 0; turn < sides.size(); turn++) {
                    int side = (round + turn) % sides.size();
                    sides.get(side).add(AsyncLoop.run(iterations, sends.get(side)));
                }
            }
        }
        Figures baseline = raw.figures();
        Figures client = ours.figures();
        // Rounds alternate, so each set saw the same machine: the median of the rounds' ratios resists drift.
        double ratio = ours.medianRatioTo(raw);
        double extraP50 = client.p50Millis() - baseline.p50Millis();
        Figures bare = framework.figures();
        scenarios.add(new Scenario("1", "one input at a time over one socket", "raw Vert.x loop", baseline, "Java client API", client, ratio,
                "throughput >= 0.95x, p50 <= raw + 0.2 ms", ratio >= 0.95 && extraP50 <= 0.2,
                String.format(Locale.ROOT, "ratio: median of %d alternating rounds; p50 %+.3f ms over raw. Bare WebSockets Next loop "
                        + "(the client library the gateway must use): %.0f inputs/s, p50 %.3f ms, %.2fx raw; ours is %.2fx of it",
                        rounds, extraP50, bare.throughput(), bare.p50Millis(), framework.medianRatioTo(raw), ours.medianRatioTo(framework))));
        return new Figures[] { baseline, client };
    }

    /** Scenario 2: sequential HTTP invocations of 32 inputs, unpaced, against the raw loop's input throughput. */
    private Scenario httpAggregated(Figures raw) throws Exception {
        String body = body(32, Map.of("throttleIntervalMs", 0), Map.of());
        Recorder calls = new Recorder();
        List<Long> serverMillis = new ArrayList<>();
        try (HttpLoad http = new HttpLoad(vertx, BenchProcesses.gateway().httpPort(), 1)) {
            // The gateway is a JVM of its own: it needs its warm-up too, long enough for the JIT to compile its hot paths.
            long warmUntil = System.nanoTime() + Duration.ofSeconds(size(30, 1)).toNanos();
            while (System.nanoTime() < warmUntil) {
                ok(http.post(PATH, body));
            }
            calls.run(size(1000, 10), i -> serverMillis.add(ok(http.post(PATH, body)).body().getJsonObject("summary").getLong("durationMs")));
        }
        Figures ours = calls.figures(32, "inputs/s");
        double ratio = ours.throughput() / raw.throughput();
        return new Scenario("2", "HTTP, 32 inputs per invocation, sequential", "raw loop (scenario 1)", raw,
                "POST /v1/realtime (per invocation)", ours, ratio, "input throughput >= 0.8x raw", ratio >= 0.8,
                String.format(Locale.ROOT, "p50/p99 of ours are per invocation of 32 inputs; the gateway's own durationMs: mean %.2f",
                        serverMillis.stream().mapToLong(Long::longValue).average().orElse(Double.NaN)));
    }

    /** Scenario 3: fal's official JavaScript client doing the same loop, against our Java client's figures. */
    private Scenario javaScriptClient(Figures java) throws Exception {
        var js = JsClient.run(BenchProcesses.upstreamUrl(), BenchProcesses.KEY, APP, size(2000, 50), size(10000, 200));
        if (js.isEmpty()) {
            return new Scenario("3", "fal's JavaScript client, same loop", "@fal-ai/client 1.10.1", null, "Java client API", java, Double.NaN,
                    "ours >= 1.0x", false, "skipped: fal's JavaScript client could not be installed (no Node.js/npm, or npm install failed)");
        }
        double ratio = java.throughput() / js.get().throughput();
        return new Scenario("3", "fal's JavaScript client, same loop", "@fal-ai/client 1.10.1 (Node " + nodeVersion() + ")", js.get(),
                "Java client API (scenario 1)", java, ratio, "ours >= 1.0x", ratio >= 1.0, "");
    }

    /** Scenario 4: many invocations at once with a 20 ms model and default pacing, against the ideal time. */
    private Scenario concurrency() throws Exception {
        int concurrent = size(200, 20);
        int rounds = size(5, 1);
        int inputs = 8;
        String body = body(inputs, Map.of(), Map.of("x_simulated_latency_ms", 20));
        double idealMillis = inputs * Math.max(64, 20);
        Recorder calls = new Recorder();
        long[] errors = { 0 };
        MeasuredProcess gateway = BenchProcesses.gateway();
        double cpuBefore;
        long started;
        try (HttpLoad http = new HttpLoad(vertx, gateway.httpPort(), concurrent)) {
            for (int warmUp = 0; warmUp < size(3, 1); warmUp++) {
                burst(http, concurrent, body);
            }
            cpuBefore = gateway.cpuSeconds();
            started = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                for (HttpLoad.Call call : burst(http, concurrent, body)) {
                    calls.add(call.nanos());
                    errors[0] += call.status() == 200 ? call.body().getJsonObject("summary").getInteger("failed") : inputs;
                }
            }
        }
        long wall = System.nanoTime() - started;
        double cpuPer1000 = (gateway.cpuSeconds() - cpuBefore) / (concurrent * rounds * inputs / 1000.0);
        Figures ours = calls.figures(inputs, "inputs/s", wall, errors[0]);
        Figures ideal = new Figures(concurrent * inputs / (idealMillis / 1000), "inputs/s", idealMillis, idealMillis, 0, 0);
        double ratio = ours.p99Millis() / idealMillis;
        return new Scenario("4", concurrent + " concurrent invocations of 8 inputs, 20 ms model, 64 ms pacing", "ideal (8 x 64 ms)", ideal,
                "POST /v1/realtime", ours, ratio, "0 errors, p99 <= 1.5x ideal", errors[0] == 0 && ratio <= 1.5,
                String.format(Locale.ROOT, "gateway CPU %.2f s per 1000 inputs", cpuPer1000));
    }

    /**
     * Scenario 5: the gateway's live heap and RSS after warm-up and after 20,000 more inputs over HTTP. Under traffic the
     * live heap swings by about 1 MB with what is in flight, so each reading is taken at rest: traffic stopped and every
     * upstream connection closed (warm sockets retire after gateway.client.warm-timeout). What is left then is what
     * the gateway keeps; a leak of connections, listeners, buffers or guards would be in it. The native executable's
     * live heap cannot be read from outside, so there its RSS at rest is what is compared.
     */
    private Scenario memory() throws Exception {
        MeasuredProcess gateway = BenchProcesses.gateway();
        int inputs = size(20_000, 2_000);
        String body = body(32, Map.of("throttleIntervalMs", 0), Map.of());
        HeapReadings before;
        HeapReadings after;
        try (HttpLoad http = new HttpLoad(vertx, gateway.httpPort(), 8)) {
            push(http, body, size(2_000, 200) / 32);
            before = readHeapAtRest(gateway, http, body);
            push(http, body, inputs / 32);
            after = readHeapAtRest(gateway, http, body);
        }
        double growth = (double) after.floor() / before.floor();
        boolean met = growth <= 1.05 && before.rss() < 200L * 1024 * 1024;
        String measure = gateway.retainedMeasure();
        return new Scenario("5", "memory after warm-up and after " + inputs + " inputs", "after warm-up", null, "after " + inputs + " inputs",
                null, growth, measure + " growth <= 5%, RSS after warm-up < 200 MB", met,
                String.format(Locale.ROOT, "%s at rest %.2f -> %.2f MB (%+.1f%%; readings %.2f-%.2f and %.2f-%.2f MB), RSS %.0f -> %.0f MB",
                        measure, before.floor() / 1e6, after.floor() / 1e6, (growth - 1) * 100, before.floor() / 1e6, before.ceiling() / 1e6,
                        after.floor() / 1e6, after.ceiling() / 1e6, before.rss() / 1e6, after.rss() / 1e6));
    }

    /** The lowest and highest reading of what the gateway keeps (see MeasuredProcess.retainedBytes), and the RSS, at rest. */
    private record HeapReadings(long floor, long ceiling, long rss) {
    }

    /** Three readings at rest, with a short burst of invocations between them. */
    private HeapReadings readHeapAtRest(MeasuredProcess gateway, HttpLoad http, String body) throws Exception {
        long floor = Long.MAX_VALUE;
        long ceiling = 0;
        long rss = gateway.rssBytes();
        for (int reading = 0; reading < size(3, 1); reading++) {
            if (reading > 0) {
                push(http, body, 64);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.metric("gateway_upstream_connections") == 0);
            long kept = gateway.retainedBytes();
            floor = Math.min(floor, kept);
            ceiling = Math.max(ceiling, kept);
        }
        return new HeapReadings(floor, ceiling, rss);
    }

    private static Scenario withRssAtTheEnd(Scenario memory) throws Exception {
        return new Scenario(memory.id(), memory.title(), memory.baselineLabel(), null, memory.oursLabel(), null, memory.ratio(),
                memory.target(), memory.met(), memory.notes() + String.format(Locale.ROOT, "; RSS at the end of the run %.0f MB",
                        BenchProcesses.gateway().rssBytes() / 1e6));
    }

    /** Scenario 6: 32 inputs with a 20 ms model, spread over 1 and over 4 connections. */
    private Scenario fanOut() throws Exception {
        Recorder one = new Recorder();
        Recorder four = new Recorder();
        Map<String, Object> model = Map.of("x_simulated_latency_ms", 20);
        String single = body(32, Map.of("parallelism", 1), model);
        String spread = body(32, Map.of("parallelism", 4), model);
        try (HttpLoad http = new HttpLoad(vertx, BenchProcesses.gateway().httpPort(), 1)) {
            ok(http.post(PATH, spread));
            for (int round = 0; round < size(5, 1); round++) {
                one.run(1, i -> ok(http.post(PATH, single)));
                four.run(1, i -> ok(http.post(PATH, spread)));
            }
        }
        Figures baseline = one.figures(32, "inputs/s");
        Figures ours = four.figures(32, "inputs/s");
        double ratio = ours.throughput() / baseline.throughput();
        return new Scenario("6", "fan-out: 32 inputs, 20 ms model, 64 ms pacing", "parallelism 1", baseline, "parallelism 4", ours, ratio,
                "throughput >= 3x", ratio >= 3, "");
    }

    // ---- helpers ----

    private List<HttpLoad.Call> burst(HttpLoad http, int concurrent, String body) throws Exception {
        List<CompletableFuture<HttpLoad.Call>> calls = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            calls.add(http.post(PATH, body).toCompletableFuture());
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        return calls.stream().map(CompletableFuture::join).toList();
    }

    /** Sends that many invocations, eight at a time. */
    private void push(HttpLoad http, String body, int invocations) throws Exception {
        for (int sent = 0; sent < invocations; sent += 8) {
            for (HttpLoad.Call call : burst(http, Math.min(8, invocations - sent), body)) {
                if (call.status() != 200) {
                    throw new IllegalStateException("invocation failed: " + call.body());
                }
            }
        }
    }

    private static HttpLoad.Call ok(CompletionStage<HttpLoad.Call> pending) throws Exception {
        HttpLoad.Call call = pending.toCompletableFuture().get(1, TimeUnit.MINUTES);
        if (call.status() != 200 || call.body().getJsonObject("summary").getInteger("failed") != 0) {
            throw new IllegalStateException("invocation failed: " + call.body());
        }
        return call;
    }

    private String body(int inputs, Map<String, Object> options, Map<String, Object> extraInput) throws Exception {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            Map<String, Object> input = new LinkedHashMap<>(input(i));
            input.putAll(extraInput);
            list.add(input);
        }
        Map<String, Object> body = new LinkedHashMap<>(options);
        body.put("inputs", list);
        return json.writeValueAsString(body);
    }

    /** Small images: the simulator paints each once and then serves it from its cache. */
    private static Map<String, Object> input(int i) {
        return Map.of("prompt", "a lighthouse in a storm", "image_size", Map.of("width", 64, "height", 64), "num_inference_steps", 1,
                "seed", i % 200);
    }

    private String token() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(URI.create(BenchProcesses.upstreamUrl() + "/tokens/"))
                .header("Authorization", "Key " + BenchProcesses.KEY).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"allowed_apps\":[\"sdxl-turbo-realtime\"],\"token_expiration\":3600}"))
                .build();
        String answer = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return json.readValue(answer, String.class);
    }

    private static String nodeVersion() {
        try {
            Process node = new ProcessBuilder("node", "--version").start();
            return new String(node.getInputStream().readAllBytes()).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static int size(int full, int smoke) {
        return SMOKE ? smoke : full;
    }

    /** The rounds of one side of scenario 1, run one after another. */
    private static final class Loops {
        private final List<long[]> durations = new ArrayList<>();
        private final List<Long> roundWalls = new ArrayList<>();
        private long wallNanos;

        void add(AsyncLoop loop) throws Exception {
            long wall = loop.done().get(5, TimeUnit.MINUTES);
            wallNanos += wall;
            roundWalls.add(wall);
            durations.add(loop.durations());
        }

        /** Throughput against the other side's, round by round (same iterations per round), median of the ratios. */
        double medianRatioTo(Loops other) {
            double[] ratios = new double[roundWalls.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = (double) other.roundWalls.get(i) / roundWalls.get(i);
            }
            Arrays.sort(ratios);
            return ratios[ratios.length / 2];
        }

        Figures figures() {
            return Figures.of(durations.stream().flatMapToLong(Arrays::stream).toArray(), wallNanos, 1, "inputs/s", 0);
        }
    }

    /** Times operations one after another and keeps the durations. */
    private static final class Recorder {
        private final List<Long> durations = new ArrayList<>();
        private long wallNanos;

        interface Operation {
            Object run(int iteration) throws Exception;
        }

        void run(int iterations, Operation operation) throws Exception {
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                operation.run(i);
                durations.add(System.nanoTime() - t0);
            }
            wallNanos += System.nanoTime() - start;
        }

        void add(long nanos) {
            durations.add(nanos);
        }

        Figures figures(int itemsPerOperation, String unit) {
            return figures(itemsPerOperation, unit, wallNanos, 0);
        }

        Figures figures(int itemsPerOperation, String unit, long wall, long errors) {
            return Figures.of(durations.stream().mapToLong(Long::longValue).toArray(), wall, itemsPerOperation, unit, errors);
        }
    }
}
