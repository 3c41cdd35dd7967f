package io.realtimegateway.auth;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtimegateway.config.EmbeddedUpstream;
import io.realtimegateway.config.UpstreamConfig;
import io.realtimegateway.config.UpstreamMode;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/**
 * The upstream the gateway talks to right now: fal, or the embedded upstream. The same code path serves
 * both; only these URLs and the key differ.
 */
@ApplicationScoped
public class UpstreamTarget {

    private final UpstreamConfig config;
    private final UpstreamMode mode;
    private final EmbeddedUpstream embedded;

    UpstreamTarget(UpstreamConfig config, UpstreamMode mode, EmbeddedUpstream embedded) {
        this.config = config;
        this.mode = mode;
        this.embedded = embedded;
    }

    public URI realtimeUrl() {
        return mode.embedded() ? embeddedAddress().realtimeUrl() : config.realtimeUrl();
    }

    public URI tokenUrl() {
        return mode.embedded() ? embeddedAddress().tokenUrl() : config.tokenUrl();
    }

    public Credentials credentials() {
        if (config.key().isPresent()) {
            return new Credentials(config.key().get(), "the key from FAL_KEY (gateway.upstream.key)");
        }
        if (config.keyId().isPresent() && config.keySecret().isPresent()) {
            return new Credentials(config.keyId().get() + ":" + config.keySecret().get(),
                    "the key from FAL_KEY_ID + FAL_KEY_SECRET (gateway.upstream.key-id/key-secret)");
        }
        if (mode.embedded()) {
            return new Credentials(embeddedAddress().key(), "the embedded upstream's own key");
        }
        throw new RealtimeException(ErrorCode.UNAUTHORIZED,
                "no fal key is configured: set FAL_KEY (or FAL_KEY_ID and FAL_KEY_SECRET), or use the embedded upstream");
    }

    /** For logs: which upstream, never with a key. */
    public String describe() {
        return mode.embedded() ? "the embedded upstream at " + embedded.address().map(Object::toString).orElse("(not started)")
                : "fal at " + config.realtimeUrl();
    }

    private EmbeddedUpstream.Address embeddedAddress() {
        return embedded.address().orElseThrow(() -> new RealtimeException(ErrorCode.CONNECTION_LOST,
                "the embedded upstream is not running: enable it (gateway.simulator.enabled=true) or configure a fal key"));
    }
}
