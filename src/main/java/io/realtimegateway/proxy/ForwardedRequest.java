package io.realtimegateway.proxy;

import java.time.Duration;
import java.util.Locale;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * What of the caller's request reaches the upstream: its method, its {@code x-fal-*} headers (less the target and the
 * proxy marker, which the proxy sets), {@code content-type} and {@code accept}, and the authorization the proxy chose.
 * Nothing else: no cookies, no forwarding headers, never the caller's own {@code Authorization} unless configured.
 */
final class ForwardedRequest {

    static final String PROXY_MARKER = "x-fal-client-proxy";

    private ForwardedRequest() {
    }

    static RequestOptions options(HttpServerRequest request, String url, boolean tokenRequest, String authorization, Duration connectTimeout) {
        RequestOptions options = new RequestOptions().setMethod(request.method()).setAbsoluteURI(url).setConnectTimeout(connectTimeout.toMillis());
        request.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if ((name.startsWith("x-fal-") && !name.equals(ProxyTarget.HEADER) && !name.equals(PROXY_MARKER))
                    || name.equals("content-type") || name.equals("accept")) {
                options.addHeader(header.getKey(), header.getValue());
            }
        });
        if (tokenRequest) {
            options.putHeader("Content-Type", "application/json"); // the body is the proxy's own
        }
        return options.putHeader("Authorization", authorization).putHeader(PROXY_MARKER, "realtime-gateway");
    }
}
