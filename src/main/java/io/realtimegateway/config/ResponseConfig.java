package io.realtimegateway.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What one answer may cost the gateway: the outputs it holds, and how long a caller may leave it unread. */
@ConfigMapping(prefix = "gateway.response")
public interface ResponseConfig {

    /**
     * Most output bytes (as JSON) one invocation's answer holds, streamed or not. The output that would pass it, and
     * every input after it, become {@code RESPONSE_TOO_LARGE} items; inputs not yet sent then are never sent.
     */
    @WithDefault("32M")
    MemorySize maxSize();

    /** A caller whose connection takes none of the answer's bytes for this long is disconnected, and its answer dropped. */
    @WithDefault("30s")
    Duration stalledReaderTimeout();
}
