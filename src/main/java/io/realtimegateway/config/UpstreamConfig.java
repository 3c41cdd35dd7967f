package io.realtimegateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the real-time upstream is and how to authenticate to it. */
@ConfigMapping(prefix = "gateway.upstream")
public interface UpstreamConfig {

    /** {@code auto}: fal when a key is configured, the embedded upstream otherwise. */
    @WithDefault("auto")
    Target target();

    /** fal's real-time base URL; apps are reached at {@code {realtime-url}/{owner}/{alias}/realtime}. */
    @WithDefault("wss://fal.run")
    URI realtimeUrl();

    /** fal's token endpoint. */
    @WithDefault("https://rest.fal.ai/tokens/")
    URI tokenUrl();

    /** The fal key ({@code FAL_KEY}). Never logged. */
    Optional<String> key();

    /** Key id and secret ({@code FAL_KEY_ID} + {@code FAL_KEY_SECRET}), joined as {@code id:secret}. */
    Optional<String> keyId();

    Optional<String> keySecret();

    /** Lifetime asked for each short-lived token; tokens are refreshed at 90% of it. */
    @WithDefault("120s")
    Duration tokenExpiration();

    enum Target {
        AUTO,
        FAL,
        EMBEDDED
    }
}
