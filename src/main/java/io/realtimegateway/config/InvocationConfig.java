package io.realtimegateway.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and defaults of one aggregated invocation. */
@ConfigMapping(prefix = "gateway.invocation")
public interface InvocationConfig {

    /** Most inputs in one invocation. */
    @WithDefault("64")
    int maxInputs();

    /** Largest request body; larger ones answer 413. */
    @WithDefault("16M")
    MemorySize maxBodySize();

    Timeout timeout();

    /** Most connections one invocation may spread its inputs over ({@code parallelism}). */
    @WithDefault("8")
    int maxParallelism();

    interface Timeout {
        /** Deadline of an invocation when the caller does not say. */
        @WithDefault("30s")
        Duration defaultValue();

        @WithDefault("300s")
        Duration max();
    }
}
