package io.realtimegateway.api;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.realtimegateway.lifecycle.Drain;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * While the instance drains, a new invocation (REST, the Funqy function, a CloudEvent on {@code /}) is answered
 * with 503 {@code SHUTTING_DOWN} and {@code Retry-After} before any of it is read, so a caller or a broker sends it
 * again to another instance; health, metrics and the app list still answer.
 */
@ApplicationScoped
public class DrainGate {

    private final Drain drain;
    private final HttpFilters filters;

    DrainGate(Drain drain, HttpFilters filters) {
        this.drain = drain;
        this.filters = filters;
    }

    void register(@Observes Router router) {
        for (String invocations : new String[] { "/v1/realtime/*", "/realtime", "/" }) {
            router.route(invocations).order(Integer.MIN_VALUE + 2).handler(this::refuseWhileDraining);
        }
    }

    private void refuseWhileDraining(RoutingContext context) {
        if (drain.draining()) {
            filters.answer(context, 503, new RealtimeException(ErrorCode.SHUTTING_DOWN,
                    "this instance of the gateway is shutting down; send the invocation again (another instance takes it)",
                    Duration.ofSeconds(1), null));
            return;
        }
        context.next();
    }
}
