package io.realtimegateway.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import io.quarkus.logging.Log;
import io.realtimegateway.config.ResponseConfig;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;

/**
 * Disconnects callers that stop reading their answer. An answer the caller does not take waits in the connection's
 * write queue, and a caller that never reads would hold it (megabytes of images) until the connection's idle timeout.
 * So once an answer's head is written, its connection is looked at every {@code gateway.response.stalled-reader-timeout}:
 * while bytes wait and none were taken since the last look, the caller has stopped reading and the connection is
 * closed, which frees the queue and, for a stream, stops the invocation. Slow readers that keep reading stay.
 * HTTP/1.x only: an HTTP/2 connection's queue is shared by its streams, and flow control bounds each stream there.
 */
@ApplicationScoped
class StalledReaders implements Handler<RoutingContext> {

    private final Vertx vertx;
    private final long periodMillis;
    private final Counter dropped;

    StalledReaders(Vertx vertx, ResponseConfig config, MeterRegistry registry) {
        this.vertx = vertx;
        this.periodMillis = Math.max(1, config.stalledReaderTimeout().toMillis());
        this.dropped = Counter.builder("gateway.http.stalled.readers").description("callers disconnected because they stopped reading their answer")
                .register(registry);
    }

    /** Watches the answer to this request once its head is written. */
    @Override
    public void handle(RoutingContext context) {
        if (context.request().version() != HttpVersion.HTTP_2 && context.request().connection() instanceof ConnectionBase connection) {
            // Both handlers go on now: Vert.x refuses a response's end handler once the response is being written.
            Watch watch = new Watch(connection, context.response());
            context.addHeadersEndHandler(ignored -> watch.start());
            context.addEndHandler(ended -> watch.answerEnded(ended.succeeded()));
        }
        context.next();
    }

    /**
     * One answer on its way to the caller, from its head to its last byte taken or its connection's end, and no longer:
     * until then it keeps the connection's channel, and the response only until the response has ended (it holds the
     * answer). Touched only on its connection's event loop (the timers run on the request's context).
     */
    private final class Watch {

        private final ConnectionBase connection;
        /** Null once the answer has ended: its length is then in {@link #written}. */
        private HttpServerResponse response;
        private long written;
        /** The bytes waiting, and the answer's bytes written, at the last look. */
        private long waitingBefore;
        private long writtenBefore;
        /** -1 until the answer's head is written. */
        private long timer = -1;
        private final GenericFutureListener<Future<? super Void>> closed = closing -> finish();

        Watch(ConnectionBase connection, HttpServerResponse response) {
            this.connection = connection;
            this.response = response;
        }

        /** The answer's head is being written: from now on its bytes wait in the connection's queue. */
        void start() {
            writtenBefore = written();
            waitingBefore = waiting(connection.channel());
            lookAgainLater();
            // After the timer is set, so that a connection already closed finishes the watch at once.
            connection.channel().closeFuture().addListener(closed);
        }

        /** Most answers are taken at once: once the write of the last part is flushed, there is nothing left to watch. */
        void answerEnded(boolean succeeded) {
            if (timer == -1) {
                return;
            }
            written = response.bytesWritten();
            response = null;
            if (!succeeded) {
                finish();
                return;
            }
            vertx.runOnContext(flushed -> {
                if (waiting(connection.channel()) == 0) {
                    finish();
                }
            });
        }

        private void lookAgainLater() {
            timer = vertx.setTimer(periodMillis, id -> look());
        }

        private void look() {
            Channel channel = connection.channel();
            long waiting = waiting(channel);
            if (!channel.isActive() || (waiting == 0 && response == null)) {
                finish(); // gone, or the caller took all of it
                return;
            }
            long taken = waitingBefore + (written() - writtenBefore) - waiting;
            if (waiting > 0 && taken <= 0) {
                Log.debugf("Disconnecting a caller that read nothing of its answer for %d ms (%d bytes waiting)", periodMillis, waiting);
                dropped.increment();
                finish();
                // At once, with a reset: Vert.x's own close would first wait for the queue to drain, which it never will.
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
                channel.close();
                return;
            }
            waitingBefore = waiting;
            writtenBefore = written();
            lookAgainLater();
        }

        private long written() {
            return response == null ? written : response.bytesWritten();
        }

        private void finish() {
            vertx.cancelTimer(timer);
            connection.channel().closeFuture().removeListener(closed);
        }

        private static long waiting(Channel channel) {
            ChannelOutboundBuffer queue = channel.unsafe().outboundBuffer();
            return queue == null ? 0 : queue.totalPendingWriteBytes();
        }
    }
}
