package io.realtimegateway.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.realtimegateway.PackagedApp;

/**
 * Starts the two processes the benchmark measures against: the upstream (the packaged jar with only the embedded
 * fal-compatible upstream, at zero latency, on loopback) and the gateway (no simulator of its own, pointed at that
 * upstream): the packaged jar, or with {@code -Dbench.gateway=native} the native executable already built in
 * {@code target/}. The benchmark's own JVM, where the Java client runs, points at the upstream too.
 */
public class BenchProcesses implements QuarkusTestResourceLifecycleManager {

    static final String KEY = "bench-key";
    /** The gateway build measured: {@code jar} (default) or {@code native}. */
    static final PackagedApp.Build GATEWAY = PackagedApp.Build.valueOf(System.getProperty("bench.gateway", "jar").toUpperCase(Locale.ROOT));
    /**
     * How the gateway JVM is run: as in deploy/container's image under the Knative service's 512 MiB limit, where
     * the JVM sizes its heap from the limit and its ergonomics pick SerialGC. The memory figures hold for these.
     */
    static final List<String> GATEWAY_JVM = List.of("-XX:MaxRAM=512m", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC");
    /** The native executable under the same limit: the same maximum heap (75% of 512 MiB); its GC is serial anyway. */
    static final List<String> GATEWAY_NATIVE = List.of("-Xmx384m");

    private static MeasuredProcess upstream;
    private static MeasuredProcess gateway;
    private static int upstreamPort;

    static MeasuredProcess gateway() {
        return gateway;
    }

    static List<String> gatewayOptions() {
        return GATEWAY == PackagedApp.Build.JAR ? GATEWAY_JVM : GATEWAY_NATIVE;
    }

    static String upstreamUrl() {
        return "http://127.0.0.1:" + upstreamPort;
    }

    @Override
    public Map<String, String> start() {
        try {
            upstreamPort = PackagedApp.freePort();
            upstream = MeasuredProcess.start("upstream", PackagedApp.Build.JAR, List.of(), upstreamSettings(upstreamPort));
            Map<String, String> toUpstream = gatewaySettings(upstreamPort);
            gateway = MeasuredProcess.start("gateway", GATEWAY, gatewayOptions(), toUpstream);
            return toUpstream;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("the benchmark processes did not start", e);
        }
    }

    /** The upstream process: only the embedded fal-compatible upstream, at zero latency, on this port. */
    static Map<String, String> upstreamSettings(int port) {
        return Map.of(
                "gateway.simulator.enabled", "true",
                "gateway.simulator.port", Integer.toString(port),
                "gateway.simulator.key", KEY,
                "gateway.simulator.session-timeout", "60s",
                "gateway.simulator.latency.base", "0ms",
                "gateway.simulator.latency.per-step", "0ms",
                "gateway.simulator.latency.per-megapixel", "0ms");
    }

    /** A gateway process (and the benchmark's own client) pointed at the upstream on this port, as at fal. */
    static Map<String, String> gatewaySettings(int upstreamPort) {
        return Map.of(
                "gateway.upstream.target", "fal",
                "gateway.upstream.realtime-url", "ws://127.0.0.1:" + upstreamPort,
                "gateway.upstream.token-url", "http://127.0.0.1:" + upstreamPort + "/tokens/",
                "gateway.upstream.key", KEY,
                "gateway.simulator.enabled", "false",
                "gateway.client.throttle.allow-unpaced", "true",
                // Scenario 7 measures the proxy's cost per token request, not its rate limit.
                "gateway.proxy.tokens.rate-limit.per-client", "1000000",
                "gateway.proxy.tokens.rate-limit.instance", "1000000");
    }

    @Override
    public void stop() {
        for (MeasuredProcess process : new MeasuredProcess[] { gateway, upstream }) {
            if (process != null) {
                process.close();
            }
        }
    }
}
