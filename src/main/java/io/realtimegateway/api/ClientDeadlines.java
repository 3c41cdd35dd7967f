package io.realtimegateway.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.realtimegateway.config.HttpEdgeConfig;
import io.realtimegateway.config.InvocationConfig;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Deadlines for callers who send slowly, so that a connection costs a slot only while it is doing something:
 * <ul>
 * <li>a request body must arrive within {@link BodyDeadline}'s allowance (408 and the connection closed);</li>
 * <li>after a response, the connection's next request must arrive within {@code gateway.http.keep-alive-timeout}, or the
 * connection closes; trickling header bytes does not extend it.</li>
 * </ul>
 * Once a request is in, nothing here limits how long its answer takes (the invocation has its own deadline, up to
 * {@code gateway.invocation.timeout.max}). Vert.x offers no hook before a connection's first request: that wait is
 * bounded by {@code quarkus.http.idle-timeout} and the connection cap {@code quarkus.http.limits.max-connections}.
 */
@ApplicationScoped
class ClientDeadlines implements Handler<RoutingContext> {

    private final Vertx vertx;
    private final ErrorRenderer errors;
    private final HttpEdgeConfig config;
    /** Keep-alive connections waiting for their next request, with the timer that closes them; any event loop. */
    private final Map<HttpConnection, Long> awaitingNextRequest = new ConcurrentHashMap<>();

    ClientDeadlines(Vertx vertx, ErrorRenderer errors, HttpEdgeConfig config, InvocationConfig invocation,
            @ConfigProperty(name = "quarkus.http.idle-timeout") Duration idleTimeout) {
        this.vertx = vertx;
        this.errors = errors;
        this.config = config;
        requireIdleTimeoutBeyond(idleTimeout, invocation.timeout().max());
    }

    /**
     * The idle timeout closes a connection that sends and receives nothing, however legitimate: an invocation answered
     * at once waits in silence for up to its whole deadline. A start with a shorter idle timeout fails.
     */
    static void requireIdleTimeoutBeyond(Duration idleTimeout, Duration longestInvocation) {
        if (idleTimeout.compareTo(longestInvocation) <= 0) {
            throw new IllegalStateException("quarkus.http.idle-timeout (" + idleTimeout + ") must be longer than "
                    + "gateway.invocation.timeout.max (" + longestInvocation + "), or it cuts off invocations still running");
        }
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        Long closer = connection == null ? null : awaitingNextRequest.remove(connection);
        if (closer != null) {
            vertx.cancelTimer(closer);
        }
        if (!request.isEnded()) {
            BodyDeadline deadline = new BodyDeadline(now(), config.bodyTimeout().toMillis(), config.bodyMinRate().asLongValue());
            BodyWatch watch = new BodyWatch(context, deadline);
            watch.arm();
            // The timer holds the request and all it leads to (body, inputs, results): let go of it once answered, or the
            // heap keeps every request of the last gateway.http.body-timeout.
            context.addEndHandler(ended -> watch.cancel());
        }
        if (connection != null && request.version() != HttpVersion.HTTP_2) {
            // One HTTP/2 connection carries many requests at once: no "next request" to wait for. (Requests that
            // Lambda hands over have no connection at all.)
            context.addEndHandler(ended -> {
                if (ended.succeeded()) {
                    awaitNextRequest(connection);
                }
            });
        }
        context.next();
    }

    /** The deadline of one request's body and the timer that enforces it; used on the request's event loop only. */
    private final class BodyWatch {

        private final RoutingContext context;
        private final BodyDeadline deadline;
        private long timer;

        BodyWatch(RoutingContext context, BodyDeadline deadline) {
            this.context = context;
            this.deadline = deadline;
        }

        void arm() {
            long wait = deadline.millisLeft(now(), context.request().bytesRead());
            timer = vertx.setTimer(Math.max(1, wait), id -> check());
        }

        void cancel() {
            vertx.cancelTimer(timer);
        }

        private void check() {
            HttpServerRequest request = context.request();
            if (sentWhole(request) || context.response().ended() || context.response().closed()) {
                return;
            }
            if (deadline.millisLeft(now(), request.bytesRead()) > 0) {
                arm();
                return;
            }
            String message = "the request body arrived too slowly (" + request.bytesRead() + " bytes in "
                    + (now() - deadline.startMillis()) / 1000 + " s); after the first " + config.bodyTimeout().toSeconds()
                    + " s a body must average at least " + config.bodyMinRate().asLongValue()
                    + " bytes/s (gateway.http.body-timeout, gateway.http.body-min-rate)";
            Log.debugf("Refused %s %s with 408: %s", request.method(), request.path(), message);
            errors.sendAndClose(context, 408, new RealtimeException(ErrorCode.INVALID_INPUT, message));
        }
    }

    /**
     * The caller has sent the whole body once its Content-Length has arrived, even if the gateway, busy, has not
     * taken in the end yet; a chunked body is whole once the gateway has seen its end.
     */
    private static boolean sentWhole(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.isEnded() || (length != null && length.matches("\\d{1,18}") && request.bytesRead() >= Long.parseLong(length));
    }

    private void awaitNextRequest(HttpConnection connection) {
        long closer = vertx.setTimer(config.keepAliveTimeout().toMillis(), id -> {
            awaitingNextRequest.remove(connection);
            connection.close();
        });
        awaitingNextRequest.put(connection, closer);
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
