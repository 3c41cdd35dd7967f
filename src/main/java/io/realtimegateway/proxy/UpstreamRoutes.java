package io.realtimegateway.proxy;

import java.net.URI;
import java.util.Map;

import io.realtimegateway.auth.UpstreamTarget;
import io.realtimegateway.config.EmbeddedUpstream;
import io.realtimegateway.config.UpstreamMode;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/**
 * Where a checked target is actually sent. Token requests go to the gateway's own token endpoint (fal's, or the
 * embedded upstream's {@code /tokens/}); with the embedded upstream every other fal host maps to it too, so the whole
 * path works without a fal account; a host override sends one host to a fal-compatible server of your own.
 */
final class UpstreamRoutes {

    private final UpstreamTarget upstream;
    private final UpstreamMode mode;
    private final EmbeddedUpstream embedded;
    private final Map<String, URI> overrides;

    UpstreamRoutes(UpstreamTarget upstream, UpstreamMode mode, EmbeddedUpstream embedded, Map<String, URI> overrides) {
        this.upstream = upstream;
        this.mode = mode;
        this.embedded = embedded;
        this.overrides = overrides;
    }

    String url(ProxyTarget target) {
        if (target.isTokenRequest()) {
            return upstream.tokenUrl().toString();
        }
        URI override = overrides.get(target.host());
        if (override != null) {
            return base(override) + target.pathAndQuery();
        }
        if (mode.embedded()) {
            return base(embedded.address().orElseThrow(() -> new RealtimeException(ErrorCode.CONNECTION_LOST,
                    "the embedded upstream is not running: enable it (gateway.simulator.enabled=true) or configure a fal key")).baseUrl())
                    + target.pathAndQuery();
        }
        return "https://" + target.host() + target.pathAndQuery();
    }

    private static String base(URI uri) {
        return uri.toString().replaceAll("/+$", "");
    }
}
