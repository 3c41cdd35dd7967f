package io.realtimegateway.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The embedded fal-compatible upstream. */
@ConfigMapping(prefix = "gateway.simulator")
public interface SimulatorConfig {

    /** Whether it starts; by default exactly when the gateway uses it (no fal key configured). */
    Optional<Boolean> enabled();

    @WithDefault("127.0.0.1")
    String host();

    /** 0 picks a free port. */
    @WithDefault("8090")
    int port();

    /** The key its token endpoint accepts; a random one is made when unset. Never logged. */
    Optional<String> key();

    /** With no input for this long a session finishes its queue, sends the TIMEOUT notice and closes (fal: about 2 s). */
    @WithDefault("2s")
    Duration sessionTimeout();

    /** Queue bound of a session whose URL carries no {@code max_buffering}. */
    @WithDefault("2")
    int defaultMaxBuffering();

    /** Results as binary msgpack (as fal's apps send them) or as JSON text frames. */
    @WithDefault("msgpack")
    ResultFormat resultFormat();

    Latency latency();

    /** Faults to play, for tests and demos of the gateway's failure handling; all off by default. */
    Faults faults();

    /** Simulated inference time: {@code base + steps * per-step + megapixels * per-megapixel} (frames count as images). */
    interface Latency {
        @WithDefault("20ms")
        Duration base();

        @WithDefault("10ms")
        Duration perStep();

        @WithDefault("30ms")
        Duration perMegapixel();
    }

    enum ResultFormat {
        MSGPACK,
        JSON
    }

    interface Faults {
        /** Play the faults for this app id only; all apps when unset. */
        Optional<String> app();

        /** Drop the connection after this many results in a session (0: never). */
        @WithDefault("0")
        int dropAfterResults();

        /** Drop the connection instead of sending a result, with this probability. */
        @WithDefault("0")
        double dropProbability();

        /** How to drop: 0 cuts the TCP connection without a close frame; otherwise the WebSocket close code (e.g. 1011). */
        @WithDefault("0")
        int dropCloseCode();

        /** Refuse WebSocket upgrades with this HTTP status, e.g. 503 or 429 (0: accept). */
        @WithDefault("0")
        int refuseUpgradeStatus();

        /** Never answer the upgrade request: the caller's connect timeout must fire. */
        @WithDefault("false")
        boolean hangUpgrade();

        /** Answer this many inputs per session, then accept and never answer (-1: answer all). */
        @WithDefault("-1")
        int silentAfterResults();

        /** Send a malformed frame instead of every n-th result (0: never). */
        @WithDefault("0")
        int malformedEvery();

        /** Refuse, with RATE_LIMITED in its FIFO place, an input arriving sooner than this after the last accepted one. */
        @WithDefault("0ms")
        Duration rateLimitMinInterval();

        /** The token endpoint takes this long to answer. */
        @WithDefault("0ms")
        Duration tokenDelay();

        /** The token endpoint answers with this HTTP status (0: works). */
        @WithDefault("0")
        int tokenFailureStatus();
    }
}
