package io.realtimegateway.resilience;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

/**
 * A TCP proxy that cuts live connections: each direction of each connection is, with some probability,
 * closed after a random number of bytes, mid-handshake or mid-frame alike, without a goodbye. Real sockets
 * on both sides; the gateway sees what a flaky network does.
 */
final class CuttingProxy implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final NetServer server = vertx.createNetServer();
    private final NetClient client = vertx.createNetClient();
    private final double cutProbability;
    private final int maxBytesBeforeCut;
    private final Random random;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong cuts = new AtomicLong();
    private volatile int targetPort;

    /** Each direction of a connection is cut with this probability, after 1 to {@code maxBytesBeforeCut} bytes. */
    CuttingProxy(double cutProbability, int maxBytesBeforeCut, long seed) {
        this.cutProbability = cutProbability;
        this.maxBytesBeforeCut = maxBytesBeforeCut;
        this.random = new Random(seed);
    }

    int start() throws Exception {
        server.connectHandler(this::relay);
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    void target(int port) {
        this.targetPort = port;
    }

    long connections() {
        return connections.get();
    }

    long cuts() {
        return cuts.get();
    }

    private void relay(NetSocket downstream) {
        connections.incrementAndGet();
        downstream.pause();
        client.connect(targetPort, "127.0.0.1").onFailure(failure -> downstream.close()).onSuccess(upstream -> {
            Cut cut = new Cut(downstream, upstream);
            downstream.handler(new Budget(nextBudget(), upstream, cut)::forward);
            upstream.handler(new Budget(nextBudget(), downstream, cut)::forward);
            downstream.closeHandler(ignored -> upstream.close());
            upstream.closeHandler(ignored -> downstream.close());
            downstream.resume();
        });
    }

    private synchronized long nextBudget() {
        return random.nextDouble() < cutProbability ? 1 + random.nextInt(maxBytesBeforeCut) : Long.MAX_VALUE;
    }

    /** Bytes one direction may still carry before the connection is cut. */
    private static final class Budget {
        private long remaining;
        private final NetSocket to;
        private final Cut cut;

        Budget(long remaining, NetSocket to, Cut cut) {
            this.remaining = remaining;
            this.to = to;
            this.cut = cut;
        }

        void forward(Buffer bytes) {
            if (bytes.length() < remaining) {
                remaining -= bytes.length();
                to.write(bytes);
                return;
            }
            to.write(bytes.slice(0, (int) remaining));
            remaining = 0;
            cut.now();
        }
    }

    private final class Cut {
        private final NetSocket a;
        private final NetSocket b;
        private boolean done;

        Cut(NetSocket a, NetSocket b) {
            this.a = a;
            this.b = b;
        }

        synchronized void now() {
            if (!done) {
                done = true;
                cuts.incrementAndGet();
                a.close();
                b.close();
            }
        }
    }

    @Override
    public void close() {
        vertx.close();
    }
}
