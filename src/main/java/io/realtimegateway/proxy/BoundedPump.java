package io.realtimegateway.proxy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;

/**
 * Copies one stream into another as it arrives, with back-pressure (the source pauses while the sink's queue is full),
 * and stops at a byte budget instead of buffering. Runs on the event loop that owns both streams.
 */
final class BoundedPump {

    /** What happens when the copy ends, one way or the other. */
    interface Outcome {
        void ended();

        void overflowed();

        void failed(Throwable failure);
    }

    private final ReadStream<Buffer> from;
    private final WriteStream<Buffer> to;
    private final long maxBytes;
    private final Outcome outcome;
    private long copied;
    private boolean stopped;

    private BoundedPump(ReadStream<Buffer> from, WriteStream<Buffer> to, long maxBytes, Outcome outcome) {
        this.from = from;
        this.to = to;
        this.maxBytes = maxBytes;
        this.outcome = outcome;
    }

    static void copy(ReadStream<Buffer> from, WriteStream<Buffer> to, long maxBytes, Outcome outcome) {
        new BoundedPump(from, to, maxBytes, outcome).start();
    }

    private void start() {
        from.handler(this::chunk);
        from.endHandler(done -> {
            if (!stopped) {
                stopped = true;
                outcome.ended();
            }
        });
        from.exceptionHandler(this::fail);
        to.exceptionHandler(this::fail);
        from.resume();
    }

    private void chunk(Buffer chunk) {
        if (stopped) {
            return;
        }
        copied += chunk.length();
        if (copied > maxBytes) {
            stopped = true;
            from.pause();
            outcome.overflowed();
            return;
        }
        to.write(chunk);
        if (to.writeQueueFull()) {
            from.pause();
            to.drainHandler(drained -> from.resume());
        }
    }

    private void fail(Throwable failure) {
        if (!stopped) {
            stopped = true;
            outcome.failed(failure);
        }
    }
}
