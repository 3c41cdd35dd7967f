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
import io.realtimegateway.telemetry.TraceParent;

/** One holder's view of a link: its listener, its inputs, the sockets and pacing they met. Thread-safe, as its interface promises. */
final class ConnectionHandle implements RealtimeConnection, PendingInput.Owner {

    private final UpstreamLink link;
    private final RealtimeListener listener;
    /** When this holder joined, on the link's clock: rate limits before that are not its concern. */
    private final long joinedAtNanos;
    /** The trace of the caller that joined, captured on its thread. */
    private final TraceParent trace;
    /** Any thread. */
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Serial only: the number of the socket its latest input went out on. */
    private int lastSocket;
    /** Written by its link's serial executor only, read by any thread. */
    private volatile int socketsUsed;
    /** Written by its link's serial executor only, read by any thread. */
    private volatile long slowestThrottleNanos;

    ConnectionHandle(UpstreamLink link, RealtimeListener listener) {
        this.link = link;
        this.listener = listener;
        this.joinedAtNanos = link.services().scheduler().nanoTime();
        this.trace = link.services().traces().current();
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
        return pending.outcome();
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
        return Duration.ofNanos(Math.max(slowestThrottleNanos, link.pacing().throttle().toNanos()));
    }

    @Override
    public Optional<Duration> rateLimited() {
        LinkPacing.RateLimitNotice notice = link.pacing().lastRateLimit();
        return notice != null && notice.atNanos() >= joinedAtNanos ? Optional.of(notice.retryAfter()) : Optional.empty();
    }

    @Override
    public void sentOn(int socketNumber, Duration throttle) {
        assert link.inSerialTask() : "send counts are written by the link's serial executor only";
        if (socketNumber != lastSocket) {
            lastSocket = socketNumber;
            socketsUsed++;
        }
        slowestThrottleNanos = Math.max(slowestThrottleNanos, throttle.toNanos());
    }

    @Override
    public TraceParent trace() {
        return trace;
    }

    @Override
    public void notify(Consumer<RealtimeListener> callback) {
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
