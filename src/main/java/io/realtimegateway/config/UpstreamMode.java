package io.realtimegateway.config;

import jakarta.enterprise.context.ApplicationScoped;

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

    public boolean keyConfigured() {
        return config.key().isPresent() || (config.keyId().isPresent() && config.keySecret().isPresent());
    }
}
