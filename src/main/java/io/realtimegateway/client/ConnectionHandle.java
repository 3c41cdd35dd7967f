package io.realtimegateway.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.quarkus.logging.Log;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.FrameCodec;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.ResultCorrelation;

/** One caller's view of a link: its listener, its inputs, its reconnect count. */
final class ConnectionHandle implements RealtimeConnection {

    private final UpstreamLink link;
    private final RealtimeListener listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long openedAtNanos = System.nanoTime();
    /** Touched only by the link's serial executor; the counts are read by callers afterwards. */
    private UpstreamSocket lastSocket;
    private volatile int socketsUsed;
    private volatile long slowestThrottleNanos;

    ConnectionHandle(UpstreamLink link, RealtimeListener listener) {
        this.link = link;
        this.listener = listener;
    }

    @Override
    public CompletionStage<RealtimeResult> send(Map<String, ?> input) {
        if (closed.get()) {
            return failed(new RealtimeException(ErrorCode.CONNECTION_LOST, "send() after close(): open a new connection"));
        }
        byte[] frame;
        try {
            frame = FrameCodec.encodeInput(input);
        } catch (IllegalArgumentException e) {
            return failed(new RealtimeException(ErrorCode.INVALID_INPUT, "the input cannot be sent: " + e.getMessage()));
        }
        // Encoded and its echo taken now: what the caller does with the map afterwards changes nothing.
        PendingInput pending = new PendingInput(this, ResultCorrelation.Echo.of(input), frame);
        link.submit(pending);
        return pending.outcome.minimalCompletionStage();
    }

    @Override
    public void close() {
        close(null);
    }

    @Override
    public CompletionStage<Void> close(RealtimeException reason) {
        return closed.compareAndSet(false, true) ? link.detach(this, reason) : CompletableFuture.completedFuture(null);
    }

    @Override
    public String connectionKey() {
        return link.settings().connectionKey();
    }

    @Override
    public int reconnects() {
        return Math.max(0, socketsUsed - 1);
    }

    @Override
    public Duration throttleInterval() {
        return Duration.ofNanos(Math.max(slowestThrottleNanos, link.throttle().toNanos()));
    }

    @Override
    public Optional<Duration> rateLimited() {
        UpstreamLink.RateLimitNotice notice = link.lastRateLimit();
        return notice != null && notice.atNanos() >= openedAtNanos ? Optional.of(notice.retryAfter()) : Optional.empty();
    }

    RealtimeListener listener() {
        return listener;
    }

    UpstreamLink link() {
        return link;
    }

    /** Counts the distinct sockets this handle's inputs went out on, and the slowest pacing they met. */
    void sentOn(UpstreamSocket socket, Duration throttle) {
        if (socket != lastSocket) {
            lastSocket = socket;
            socketsUsed++;
        }
        slowestThrottleNanos = Math.max(slowestThrottleNanos, throttle.toNanos());
    }

    void notify(Consumer<RealtimeListener> callback) {
        try {
            callback.accept(listener);
        } catch (RuntimeException e) {
            Log.warn("A real-time listener threw; the connection carries on", e);
        }
    }

    private static CompletionStage<RealtimeResult> failed(RealtimeException error) {
        return CompletableFuture.failedStage(new InputFailedException(error, 0));
    }
}
