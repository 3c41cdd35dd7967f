package io.realtimegateway.api;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.realtimegateway.config.HttpEdgeConfig;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The request line and headers within {@code gateway.http.max-request-line} and {@code .max-header-size}, refused
 * with 414 and 431 and the JSON error body. Vert.x refuses heads over Quarkus's own limits before any route runs,
 * with no body at all (Quarkus offers no hook for those answers); so Quarkus's limits are set above ours, as a
 * ceiling, and ours are the ones callers meet.
 */
@ApplicationScoped
class RequestHeadLimits implements Handler<RoutingContext> {

    private final int maxRequestLine;
    private final long maxHeaderBytes;
    private final ErrorRenderer errors;

    RequestHeadLimits(HttpEdgeConfig config, ErrorRenderer errors,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") int lineCeiling,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size") MemorySize headerCeiling) {
        this.maxRequestLine = config.maxRequestLine();
        this.maxHeaderBytes = config.maxHeaderSize().asLongValue();
        this.errors = errors;
        if (maxRequestLine >= lineCeiling || maxHeaderBytes >= headerCeiling.asLongValue()) {
            throw new IllegalStateException("gateway.http.max-request-line and .max-header-size must stay below "
                    + "quarkus.http.limits.max-initial-line-length and .max-header-size (the server's own ceilings)");
        }
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        int line = request.method().name().length() + request.uri().length() + " HTTP/1.1".length() + 1;
        if (line > maxRequestLine) {
            refuse(context, 414, "the request line has " + line + " bytes; at most " + maxRequestLine
                    + " are accepted (gateway.http.max-request-line): send large values in the JSON body");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + ": \r\n".length();
        }
        if (headers > maxHeaderBytes) {
            refuse(context, 431, "the request headers have " + headers + " bytes; at most " + maxHeaderBytes
                    + " are accepted (gateway.http.max-header-size)");
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, int status, String message) {
        Log.debugf("Refused a request head with %d: %s", status, message);
        errors.sendAndClose(context, status, new RealtimeException(ErrorCode.INVALID_INPUT, message));
    }
}
