package io.realtimegateway.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;

/**
 * The soak's well-behaved callers: a fixed number of them, each sending one invocation after another (8 inputs, a 20 ms
 * model, the default pacing) for a while. An invocation succeeds when it answers 200 with every input ok.
 */
final class LegitimateTraffic {

    static final int CALLERS = 16;
    private static final String PATH = "/v1/realtime/fal-ai/sdxl-turbo-realtime";

    /**
     * What one phase of the soak saw.
     *
     * @param rssMaxBytes the gateway's largest resident set while the phase ran
     */
    record Phase(String name, long invocations, long succeeded, double p99Millis, long rssMaxBytes) {
        double successRate() {
            return invocations == 0 ? Double.NaN : (double) succeeded / invocations;
        }
    }

    private final Vertx vertx;
    private final String body;

    LegitimateTraffic(Vertx vertx) throws Exception {
        this.vertx = vertx;
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            inputs.add(Map.of("prompt", "a lighthouse in a storm", "image_size", Map.of("width", 64, "height", 64), "num_inference_steps", 1,
                    "seed", i, "x_simulated_latency_ms", 20));
        }
        this.body = new ObjectMapper().writeValueAsString(Map.of("inputs", inputs));
    }

    /** Runs the callers against the gateway for that long, watching its resident set. */
    Phase run(String name, MeasuredProcess gateway, Duration length) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        LongAdder succeeded = new LongAdder();
        LongAccumulator rssMax = new LongAccumulator(Math::max, gateway.rssBytes());
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
        watch.scheduleAtFixedRate(() -> {
            try {
                rssMax.accumulate(gateway.rssBytes());
            } catch (Exception gone) {
                // the process ended; the phase will say so
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
        long until = System.nanoTime() + length.toNanos();
        try (HttpLoad http = new HttpLoad(vertx, gateway.httpPort(), CALLERS)) {
            List<CompletableFuture<Void>> callers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                callers.add(keepCalling(http, until, nanos, succeeded));
            }
            CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get(length.toSeconds() + 120, TimeUnit.SECONDS);
        } finally {
            watch.shutdownNow();
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double p99 = sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.99 * sorted.length) - 1)] / 1e6;
        return new Phase(name, sorted.length, succeeded.sum(), p99, rssMax.get());
    }

    /** One caller: the next invocation as soon as the last one answered, until the phase is over. */
    private CompletableFuture<Void> keepCalling(HttpLoad http, long until, List<Long> nanos, LongAdder succeeded) {
        if (System.nanoTime() >= until) {
            return CompletableFuture.completedFuture(null);
        }
        long start = System.nanoTime();
        return http.post(PATH, body).toCompletableFuture().handle((call, failure) -> {
            nanos.add(System.nanoTime() - start);
            if (failure == null && call.status() == 200 && call.body().getJsonObject("summary").getInteger("failed") == 0) {
                succeeded.increment();
            }
            return null;
        }).thenCompose(done -> keepCalling(http, until, nanos, succeeded));
    }
}
