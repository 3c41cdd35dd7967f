package io.realtimegateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/** Decides between fal and the embedded upstream, as {@code gateway.upstream.target} says. */
@ApplicationScoped
public class UpstreamMode {

    private final UpstreamConfig config;

    UpstreamMode(UpstreamConfig config) {
        this.config = config;
    }

    public boolean embedded() {
        return switch (config.target()) {
            case EMBEDDED -> true;
            case FAL -> false;
            case AUTO -> !keyConfigured();
        };
    }

    /** {@code target=fal} without a key is a deployment mistake: the start fails, loudly, instead of every call with a 401. */
    void requireKeyForFal(@Observes StartupEvent event) {
        if (config.target() == UpstreamConfig.Target.FAL && !keyConfigured()) {
            throw new IllegalStateException("gateway.upstream.target is fal (GATEWAY_UPSTREAM_TARGET) but no fal key is configured: "
                    + "set FAL_KEY, or FAL_KEY_ID and FAL_KEY_SECRET");
        }
    }

    public boolean keyConfigured() {
        return config.key().isPresent() || (config.keyId().isPresent() && config.keySecret().isPresent());
    }
}
