package io.realtimegateway.simulator;

import java.time.Duration;

import io.realtimegateway.config.SimulatorConfig;
import io.realtimegateway.config.SimulatorConfig.ResultFormat;

/**
 * The simulator's tunable behaviour. Starts from configuration; tests and demos may change it while it
 * runs (and {@link #reset} it), so one running simulator can play several upstreams.
 */
public final class SimulatorBehaviour {

    /** Simulated inference time: {@code base + steps * perStep + megapixels * perMegapixel}. */
    public record Latency(Duration base, Duration perStep, Duration perMegapixel) {

        public static final Latency ZERO = new Latency(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    private final SimulatorConfig config;
    private volatile Duration sessionTimeout;
    private volatile int defaultMaxBuffering;
    private volatile ResultFormat resultFormat;
    private volatile Latency latency;
    private volatile boolean refuseTokens;

    SimulatorBehaviour(SimulatorConfig config) {
        this.config = config;
        reset();
    }

    /** Back to what configuration says. */
    public void reset() {
        sessionTimeout = config.sessionTimeout();
        defaultMaxBuffering = config.defaultMaxBuffering();
        resultFormat = config.resultFormat();
        latency = new Latency(config.latency().base(), config.latency().perStep(), config.latency().perMegapixel());
        refuseTokens = false;
    }

    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    public SimulatorBehaviour sessionTimeout(Duration sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
        return this;
    }

    public int defaultMaxBuffering() {
        return defaultMaxBuffering;
    }

    public SimulatorBehaviour defaultMaxBuffering(int defaultMaxBuffering) {
        this.defaultMaxBuffering = defaultMaxBuffering;
        return this;
    }

    public ResultFormat resultFormat() {
        return resultFormat;
    }

    public SimulatorBehaviour resultFormat(ResultFormat resultFormat) {
        this.resultFormat = resultFormat;
        return this;
    }

    public Latency latency() {
        return latency;
    }

    public SimulatorBehaviour latency(Latency latency) {
        this.latency = latency;
        return this;
    }

    /** Whether real-time sessions refuse every token (answering {@code Unauthorized}), as with a revoked key. */
    public boolean refuseTokens() {
        return refuseTokens;
    }

    public SimulatorBehaviour refuseTokens(boolean refuseTokens) {
        this.refuseTokens = refuseTokens;
        return this;
    }
}
