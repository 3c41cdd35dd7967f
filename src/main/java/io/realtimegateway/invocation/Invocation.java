package io.realtimegateway.invocation;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

import io.realtimegateway.client.InputFailedException;
import io.realtimegateway.client.RealtimeConnection;
import io.realtimegateway.client.RealtimeResult;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.JsonSize;
import io.realtimegateway.protocol.OutputImages;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.Violation;

/**
 * The books of one running invocation: exactly one outcome per input, whichever comes first of its result,
 * its failure, or the deadline. The outputs kept are bounded: once they would pass {@code maxOutputBytes}, that output
 * and every outcome after it is a {@code RESPONSE_TOO_LARGE} error.
 * <p>
 * Threads: any. Outcomes arrive where the client completes them (its links' serial executors), the deadline on a
 * Vert.x timer and the caller's departure on its connection's event loop. The books are lock-free: an index keeps the
 * first outcome that claims it, by compare-and-set, and the output bytes are an atomic sum. The one lock is this
 * object's monitor, held only to hand an input to a lane, so that a stop never closes a lane between the check and
 * the hand-over.
 */
final class Invocation {

    private final InvocationRequest request;
    private final Lanes lanes;
    private final long maxOutputBytes;
    /** What the outputs kept so far take as JSON, plus the one that did not fit, if one did not. */
    private final AtomicLong outputBytes = new AtomicLong();
    private final AtomicReferenceArray<ItemResult> results;
    /** The failure behind each error item, for what the item's body does not say (how long to wait). */
    private final AtomicReferenceArray<RealtimeException> failures;
    private final AtomicInteger outstanding;
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    private final Consumer<ItemResult> onOutcome;
    private final long startNanos = System.nanoTime();
    /** Whether it was stopped (its deadline, its caller gone, its answer full): then no lane gets another input (guarded by this). */
    private boolean stopped;

    Invocation(InvocationRequest request, Lanes lanes, long maxOutputBytes, Consumer<ItemResult> onOutcome) {
        this.request = request;
        this.lanes = lanes;
        this.maxOutputBytes = maxOutputBytes;
        this.results = new AtomicReferenceArray<>(request.inputs().size());
        this.failures = new AtomicReferenceArray<>(request.inputs().size());
        this.outstanding = new AtomicInteger(request.inputs().size());
        this.onOutcome = onOutcome;
    }

    InvocationRequest request() {
        return request;
    }

    /** Completes once every input has its outcome. */
    CompletableFuture<Void> settled() {
        return settled;
    }

    void rejectLocally(int index, List<Violation> violations) {
        String problems = String.join("; ", violations.stream().map(Violation::toString).toList());
        record(ItemResult.error(index, new ErrorBody(ErrorCode.INVALID_INPUT, problems), 0));
    }

    /**
     * Sends the given inputs over the lanes: each lane starts with {@code perLane} of them and takes the next
     * whenever one of its own has its outcome, so a slow lane never holds inputs the others could run.
     */
    void dispatch(List<Integer> indexes, int perLane) {
        AtomicInteger cursor = new AtomicInteger();
        for (RealtimeConnection lane : lanes.all()) {
            for (int i = 0; i < perLane; i++) {
                sendNext(indexes, cursor, lane);
            }
        }
    }

    private void sendNext(List<Integer> indexes, AtomicInteger cursor, RealtimeConnection lane) {
        int next;
        while ((next = cursor.getAndIncrement()) < indexes.size()) {
            int index = indexes.get(next);
            if (results.get(index) == null) {
                CompletableFuture<Void> booked;
                // Under the lock, so that an input handed to a lane is in its queue before the deadline closes the lane.
                synchronized (this) {
                    if (stopped) {
                        return;
                    }
                    booked = send(index, lane);
                }
                booked.whenComplete((done, failure) -> sendNext(indexes, cursor, lane));
                return;
            }
        }
    }

    /** Sends one input and books whatever becomes of it. */
    private CompletableFuture<Void> send(int index, RealtimeConnection connection) {
        return connection.send(request.inputs().get(index)).toCompletableFuture().handle((result, failure) -> {
            if (failure == null) {
                keep(ok(index, result));
            } else {
                RealtimeException cause = RealtimeException.from(failure);
                record(ItemResult.error(index, ErrorBody.of(cause), cause instanceof InputFailedException sent ? sent.attempts() : 0), cause);
            }
            return null;
        });
    }

    /**
     * Ends the invocation before its inputs are done: its deadline passed, its caller went away or its answer is full.
     * No lane gets another input; every input still without an outcome fails with this error. Those handed to a lane fail there
     * first (a private lane's socket closes at once, which gives its bulkhead slot back), so that their items count
     * how often they were sent; whatever is left then was never sent. Does nothing once every input has its outcome.
     */
    void stop(RealtimeException error) {
        synchronized (this) {
            if (stopped || settled.isDone()) {
                return;
            }
            stopped = true;
        }
        lanes.close(error).whenComplete((closed, failure) -> {
            for (int i = 0; i < results.length(); i++) {
                if (results.get(i) == null) {
                    record(ItemResult.error(i, ErrorBody.of(error), 0), error);
                }
            }
        });
    }

    List<ItemResult> results() {
        ItemResult[] snapshot = new ItemResult[results.length()];
        Arrays.setAll(snapshot, results::get);
        return List.of(snapshot);
    }

    /** How long the first input that failed with this code was told to wait, if it was. */
    Optional<Duration> retryAfter(ErrorCode code) {
        for (int i = 0; i < failures.length(); i++) {
            RealtimeException failure = failures.get(i);
            if (failure != null && failure.code() == code && failure.retryAfter().isPresent()) {
                return failure.retryAfter();
            }
        }
        return Optional.empty();
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Books an output if the answer has room for it; otherwise the answer is full, and the invocation stops. */
    private void keep(ItemResult outcome) {
        if (outputBytes.addAndGet(JsonSize.of(outcome.output())) <= maxOutputBytes) {
            record(outcome);
            return;
        }
        RealtimeException full = new RealtimeException(ErrorCode.RESPONSE_TOO_LARGE, "the answer reached its limit of " + maxOutputBytes
                + " bytes of outputs (gateway.response.max-size) with this one, so it and the inputs after it are left out; "
                + "send fewer inputs per invocation or ask for smaller outputs");
        record(ItemResult.error(outcome.index(), ErrorBody.of(full), outcome.attempts()), full);
        stop(full);
    }

    private void record(ItemResult outcome) {
        record(outcome, null);
    }

    private void record(ItemResult outcome, RealtimeException failure) {
        if (results.compareAndSet(outcome.index(), null, outcome)) {
            failures.set(outcome.index(), failure);
            onOutcome.accept(outcome);
            if (outstanding.decrementAndGet() == 0) {
                settled.complete(null);
            }
        }
    }

    private static ItemResult ok(int index, RealtimeResult result) {
        Map<String, Object> output = OutputImages.inlineContent(result.output());
        return ItemResult.ok(index, output, result.attempts(), Math.round(result.latency().toNanos() / 100_000.0) / 10.0);
    }
}
