package io.realtimegateway.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Cleartext HTTP/2 off on the plain HTTP port. With it on, Vert.x waits for a connection's first bytes (to tell an
 * HTTP/2 preface from HTTP/1) before the connection exists for Quarkus: a socket that sends nothing was never counted
 * by {@code quarkus.http.limits.max-connections}. Now every socket counts from its accept. HTTP/2 over TLS is unchanged.
 */
@ApplicationScoped
class CountEveryConnection implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
