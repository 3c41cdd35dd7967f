package io.realtimegateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Input validation before anything is sent upstream. */
@ConfigMapping(prefix = "gateway.validation")
public interface ValidationConfig {

    /** Validate inputs of the known apps locally; off, invalid inputs reach the upstream, which ends the session. */
    @WithDefault("true")
    boolean local();
}
