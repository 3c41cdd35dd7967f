package io.realtimegateway.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import io.realtimegateway.PackagedApp;
import io.realtimegateway.bench.LegitimateTraffic.Phase;
import io.vertx.core.Vertx;

/**
 * The abuse soak, for the benchmark profile (it reports figures; it does not fail the build over them): legitimate callers
 * keep invoking while others abandon their requests, make up app ids and never read their answers ({@link SoakAbuse}).
 * A clean run on a gateway of its own is the baseline; a second gateway then runs before, during and after the abuse, and
 * each phase's success rate, p99 and largest RSS are given as ratios to the clean run. Both gateways are the build the
 * benchmark measures ({@code -Dbench.gateway}), in processes of their own, against one embedded upstream. Written to
 * {@code target/bench/abuse-soak.md} and {@code abuse-soak.json}.
 */
class AbuseSoakIT {

    private static final boolean SMOKE = Boolean.getBoolean("bench.smoke");

    @Test
    void legitimateTrafficRidesOutTheAbuse() throws Exception {
        Duration warmUp = Duration.ofSeconds(SMOKE ? 2 : 20);
        Duration phase = Duration.ofSeconds(SMOKE ? 3 : 30);
        // Long enough for the first callers that never read to be dropped (gateway.response.stalled-reader-timeout, 30 s).
        Duration abusePhase = Duration.ofSeconds(SMOKE ? 5 : 90);
        Vertx vertx = Vertx.vertx();
        List<Phase> phases = new ArrayList<>();
        Map<String, Object> notes = new LinkedHashMap<>();
        try {
            LegitimateTraffic legitimate = new LegitimateTraffic(vertx);
            int upstreamPort = PackagedApp.freePort();
            try (MeasuredProcess upstream = MeasuredProcess.start("soak-upstream", PackagedApp.Build.JAR, List.of(), BenchProcesses.upstreamSettings(upstreamPort))) {
                try (MeasuredProcess clean = gateway("soak-clean-gateway", upstreamPort)) {
                    legitimate.run("warm-up", clean, warmUp);
                    phases.add(legitimate.run("clean (another gateway, no abuse)", clean, phase));
                }
                try (MeasuredProcess gateway = gateway("soak-gateway", upstreamPort)) {
                    legitimate.run("warm-up", gateway, warmUp);
                    phases.add(legitimate.run("before the abuse", gateway, phase));
                    notes.put(gateway.retainedMeasure() + " at rest before the abuse", retainedAtRest(gateway));
                    try (SoakAbuse abuse = SoakAbuse.start(gateway.httpPort())) {
                        phases.add(legitimate.run("during the abuse", gateway, abusePhase));
                        notes.put("abuse", abuse.describe());
                    }
                    // What the abuse held must all come back: every upstream connection closes once traffic stops.
                    notes.put("upstream connections after the abuse", settle(gateway));
                    notes.put(gateway.retainedMeasure() + " at rest after the abuse", retainedAtRest(gateway));
                    phases.add(legitimate.run("after the abuse", gateway, phase));
                    String metrics = gateway.metrics();
                    notes.put("callers dropped for not reading", metrics.lines().filter(line -> line.startsWith("gateway_http_stalled_readers_total "))
                            .findFirst().map(line -> line.substring(line.lastIndexOf(' ') + 1)).orElse("not counted by this build"));
                    notes.put("ft_* series on /q/metrics after", metrics.lines().filter(line -> line.startsWith("ft_")).count());
                    notes.put("/q/metrics size after", metrics.length() + " bytes");
                }
            }
        } finally {
            vertx.close();
        }
        notes.put("when", Instant.now().toString());
        notes.put("mode", SMOKE ? "smoke (short runs: figures are not meaningful)" : "full");
        notes.put("gateway", BenchProcesses.GATEWAY.name().toLowerCase(Locale.ROOT) + " " + String.join(" ", BenchProcesses.gatewayOptions()));
        notes.put("cores", Runtime.getRuntime().availableProcessors());
        notes.put("legitimate callers", LegitimateTraffic.CALLERS + " at once, each one invocation after another (8 inputs, 20 ms model)");
        String table = markdown(phases, notes);
        System.out.println(table);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("phases", phases);
        json.put("notes", notes);
        System.out.println("Written to " + BenchReport.write("abuse-soak", json, table).toAbsolutePath());
    }

    /** A fresh gateway of the build the benchmark measures, towards the soak's upstream. */
    private static MeasuredProcess gateway(String name, int upstreamPort) throws Exception {
        return MeasuredProcess.start(name, BenchProcesses.GATEWAY, BenchProcesses.gatewayOptions(), BenchProcesses.gatewaySettings(upstreamPort));
    }

    /** How long the gateway took to close every upstream connection once traffic stopped, or how many it still held after two minutes. */
    private static String settle(MeasuredProcess gateway) throws Exception {
        long start = System.nanoTime();
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> gateway.metric("gateway_upstream_connections") == 0);
            return "all closed " + (System.nanoTime() - start) / 1_000_000 + " ms after it stopped";
        } catch (ConditionTimeoutException stillHeld) {
            return String.format(Locale.ROOT, "%.0f still open two minutes after it stopped", gateway.metric("gateway_upstream_connections"));
        }
    }

    /** What the gateway keeps (the jar's live heap, the executable's RSS) with no upstream connection open, if it got there. */
    private static String retainedAtRest(MeasuredProcess gateway) throws Exception {
        return settle(gateway).startsWith("all closed") ? String.format(Locale.ROOT, "%.1f MB", gateway.retainedBytes() / 1e6)
                : String.format(Locale.ROOT, "%.1f MB (connections still open)", gateway.retainedBytes() / 1e6);
    }

    private static String markdown(List<Phase> phases, Map<String, Object> notes) {
        Phase clean = phases.get(0);
        StringBuilder table = new StringBuilder("| phase | invocations | success | p99 ms | RSS max MB | success / clean | p99 / clean | RSS / clean |\n");
        table.append("|---|---|---|---|---|---|---|---|\n");
        for (Phase phase : phases) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %.2f%% | %.0f | %.0f | %.3f | %.2f | %.2f |%n", phase.name(), phase.invocations(),
                    phase.successRate() * 100, phase.p99Millis(), phase.rssMaxBytes() / 1e6, phase.successRate() / clean.successRate(),
                    phase.p99Millis() / clean.p99Millis(), (double) phase.rssMaxBytes() / clean.rssMaxBytes()));
        }
        notes.forEach((key, value) -> table.append("\n- ").append(key).append(": ").append(value));
        return table.append('\n').toString();
    }
}
