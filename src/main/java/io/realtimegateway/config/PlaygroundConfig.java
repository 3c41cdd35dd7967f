package io.realtimegateway.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The playground page at {@code /}. */
@ConfigMapping(prefix = "gateway.playground")
public interface PlaygroundConfig {

    /** Whether {@code /} serves the playground; by default exactly when the gateway uses the embedded upstream (runs on fal spend the key). */
    Optional<Boolean> enabled();
}
