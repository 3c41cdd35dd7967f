package io.realtimegateway.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.ext.web.RoutingContext;

/**
 * Work done for an HTTP caller stops when the caller goes away: its connection closes (or its response fails) before
 * the answer is written, and the work's subscription is cancelled, which stops the invocation behind it. Quarkus REST
 * does this itself for the resources' {@code Uni} and {@code Multi}; Funqy's HTTP binding does not, so the function
 * wraps its work in this.
 */
final class CallerDeparture {

    private CallerDeparture() {
    }

    /**
     * The work, cancelled if the caller of this request goes away before it is done.
     *
     * @param http the request being answered
     */
    static <T> Uni<T> cancelsOnDeparture(RoutingContext http, Uni<T> work) {
        return Uni.createFrom().emitter(emitter -> {
            Cancellable running = work.subscribe().with(emitter::complete, emitter::fail);
            // Vert.x Web's end handlers hear a failure when the connection closes before the response was written.
            http.addEndHandler(ended -> {
                if (ended.failed()) {
                    running.cancel();
                }
            });
            if (http.response().closed()) {
                running.cancel();
            }
        });
    }
}
