package io.realtimegateway.api;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtimegateway.lifecycle.Drain;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * While the instance drains, a new invocation (REST, the Funqy function, a CloudEvent on {@code /}) is answered
 * with 503 {@code SHUTTING_DOWN} and {@code Retry-After} before its body is read, and its connection closed, so a
 * caller or a broker sends it again to another instance; health, metrics and the app list still answer.
 */
@ApplicationScoped
class DrainGate implements Handler<RoutingContext> {

    private final Drain drain;
    private final ErrorRenderer errors;

    DrainGate(Drain drain, ErrorRenderer errors) {
        this.drain = drain;
        this.errors = errors;
    }

    @Override
    public void handle(RoutingContext context) {
        if (drain.draining()) {
            errors.sendAndClose(context, 503, new RealtimeException(ErrorCode.SHUTTING_DOWN,
                    "this instance of the gateway is shutting down; send the invocation again (another instance takes it)",
                    Duration.ofSeconds(1), null));
            return;
        }
        context.next();
    }
}
