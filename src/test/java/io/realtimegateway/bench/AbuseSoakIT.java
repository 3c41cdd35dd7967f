package io.realtimegateway.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.realtimegateway.bench.LegitimateTraffic.Phase;
import io.vertx.core.Vertx;

/**
 * The abuse soak, for the benchmark profile (it reports figures; it does not fail the build over them): legitimate callers
 * keep invoking while others abandon their requests, make up app ids and never read their answers ({@link SoakAbuse}).
 * A clean run on a gateway of its own is the baseline; a second gateway then runs before, during and after the abuse, and
 * each phase's success rate, p99 and largest RSS are given as ratios to the clean run. Both gateways are the packaged jar
 * in processes of their own, as in the benchmark, against one embedded upstream. Written to
 * {@code target/bench/abuse-soak.md} and {@code abuse-soak.json}.
 */
class AbuseSoakIT {

    private static final boolean SMOKE = Boolean.getBoolean("bench.smoke");

    @Test
    void legitimateTrafficRidesOutTheAbuse() throws Exception {
        Duration warmUp = Duration.ofSeconds(SMOKE ? 2 : 20);
        Duration phase = Duration.ofSeconds(SMOKE ? 3 : 30);
        Duration abusePhase = Duration.ofSeconds(SMOKE ? 5 : 60);
        Vertx vertx = Vertx.vertx();
        List<Phase> phases = new ArrayList<>();
        Map<String, Object> notes = new LinkedHashMap<>();
        try {
            LegitimateTraffic legitimate = new LegitimateTraffic(vertx);
            int upstreamPort = JarProcess.freePort();
            try (JarProcess upstream = BenchProcesses.startUpstream("soak-upstream", upstreamPort)) {
                try (JarProcess clean = JarProcess.start("soak-clean-gateway", BenchProcesses.GATEWAY_JVM, BenchProcesses.towardsUpstream(upstreamPort))) {
                    legitimate.run("warm-up", clean, warmUp);
                    phases.add(legitimate.run("clean (another gateway, no abuse)", clean, phase));
                }
                try (JarProcess gateway = JarProcess.start("soak-gateway", BenchProcesses.GATEWAY_JVM, BenchProcesses.towardsUpstream(upstreamPort))) {
                    legitimate.run("warm-up", gateway, warmUp);
                    phases.add(legitimate.run("before the abuse", gateway, phase));
                    try (SoakAbuse abuse = SoakAbuse.start(gateway.httpPort)) {
                        phases.add(legitimate.run("during the abuse", gateway, abusePhase));
                        notes.put("abuse", abuse.describe());
                    }
                    // What the abuse held must all come back: every upstream connection closes once traffic stops.
                    long settling = System.nanoTime();
                    await().atMost(Duration.ofMinutes(2)).until(() -> gateway.metric("gateway_upstream_connections") == 0);
                    notes.put("settled after the abuse in", (System.nanoTime() - settling) / 1_000_000 + " ms");
                    phases.add(legitimate.run("after the abuse", gateway, phase));
                    String metrics = gateway.metrics();
                    notes.put("callers dropped for not reading", gateway.metric("gateway_http_stalled_readers_total"));
                    notes.put("ft_* series on /q/metrics after", metrics.lines().filter(line -> line.startsWith("ft_")).count());
                    notes.put("/q/metrics size after", metrics.length() + " bytes");
                }
            }
        } finally {
            vertx.close();
        }
        notes.put("when", Instant.now().toString());
        notes.put("mode", SMOKE ? "smoke (short runs: figures are not meaningful)" : "full");
        notes.put("cores", Runtime.getRuntime().availableProcessors());
        notes.put("gatewayJvm", String.join(" ", BenchProcesses.GATEWAY_JVM));
        notes.put("legitimate callers", LegitimateTraffic.CALLERS + " at once, each one invocation after another (8 inputs, 20 ms model)");
        String table = markdown(phases, notes);
        System.out.println(table);
        System.out.println("Written to " + write(phases, notes, table).toAbsolutePath());
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

    private static Path write(List<Phase> phases, Map<String, Object> notes, String table) throws IOException {
        Path directory = Path.of("target", "bench");
        Files.createDirectories(directory);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("phases", phases);
        json.put("notes", notes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve("abuse-soak.json").toFile(), json);
        Path markdown = directory.resolve("abuse-soak.md");
        Files.writeString(markdown, table);
        return markdown;
    }
}
