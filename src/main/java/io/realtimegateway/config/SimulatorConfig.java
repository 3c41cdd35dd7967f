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
}
