package io.realtimegateway.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.ResultCorrelation;

/**
 * The inputs of one link between its callers and the upstream: those not sent yet, oldest first, and those sent and
 * not answered yet, in the order they went out. It keeps fal's rules for them (the {@code protocol} package's
 * "Buffering", "Matching" and "Session life"): never more unanswered than {@code maxBuffering}, or than one while the
 * culprit of an error close is being isolated; sends paced; results matched first in first out, checked against
 * echoes; what a closed socket left unanswered goes back to the front.
 * <p>
 * Pure: no I/O, no timers, no threads; time is read from the clock it is given. Serial only (its link's executor).
 */
final class InFlightWindow {

    /** A time long enough ago that pacing never holds back the first send. */
    private static final long LONG_AGO = Long.MIN_VALUE / 4;

    private final LongSupplier clock;
    private final int maxBuffering;
    private final int maxSends;
    private final ArrayDeque<PendingInput> unsent = new ArrayDeque<>();
    private final List<PendingInput> unanswered = new ArrayList<>();
    /** Inputs that shared a socket with an error close's culprit: they go out one at a time until each is cleared. */
    private final Set<PendingInput> suspects = Collections.newSetFromMap(new IdentityHashMap<>());
    private long lastSendNanos = LONG_AGO;
    /** No send before this, after a rate limit. */
    private long pausedUntilNanos = LONG_AGO;

    /**
     * @param clock nanoseconds, like {@link System#nanoTime()}
     * @param maxSends how often one input may go out before it is given up
     */
    InFlightWindow(LongSupplier clock, int maxBuffering, int maxSends) {
        this.clock = clock;
        this.maxBuffering = maxBuffering;
        this.maxSends = maxSends;
    }

    void add(PendingInput input) {
        unsent.add(input);
    }

    boolean isEmpty() {
        return unsent.isEmpty() && unanswered.isEmpty();
    }

    boolean hasUnsent() {
        return !unsent.isEmpty();
    }

    int unansweredCount() {
        return unanswered.size();
    }

    /** How many may be unanswered at once: {@code maxBuffering}, or 1 while a suspect is next or in flight. */
    int capacity() {
        boolean isolating = !suspects.isEmpty()
                && ((!unanswered.isEmpty() && suspects.contains(unanswered.get(0))) || (!unsent.isEmpty() && suspects.contains(unsent.peek())));
        return isolating ? 1 : maxBuffering;
    }

    /**
     * How long until the next input may go, in nanoseconds: 0 for now; {@link Long#MAX_VALUE} when no time will
     * do, only an answer or a new input (nothing waits to be sent, or the window is full).
     */
    long nextSendDelay(Duration throttle) {
        if (unsent.isEmpty() || unanswered.size() >= capacity()) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, Math.max(lastSendNanos + throttle.toNanos(), pausedUntilNanos) - clock.getAsLong());
    }

    /**
     * Takes the next input that may go out now, stamped as sent and counted unanswered; null when none may yet
     * ({@link #nextSendDelay}). An input that has used its sends is failed on the way: the upstream keeps closing on it.
     */
    PendingInput send(Duration throttle) {
        while (nextSendDelay(throttle) == 0) {
            PendingInput input = unsent.poll();
            if (input.sends() < maxSends) {
                long now = clock.getAsLong();
                input.markSent(now);
                lastSendNanos = now;
                unanswered.add(input);
                return input;
            }
            suspects.remove(input);
            input.fail(new RealtimeException(ErrorCode.CONNECTION_LOST, "sent " + input.sends()
                    + " times without an answer (gateway.client.max-sends-per-input); the upstream keeps closing the connection"));
        }
        return null;
    }

    /** The unanswered input this result belongs to, taken out of the window; null when none is waiting. */
    PendingInput answer(Map<String, Object> output) {
        if (unanswered.isEmpty()) {
            return null;
        }
        PendingInput input = unanswered.remove(ResultCorrelation.match(unanswered, PendingInput::echo, output));
        suspects.remove(input);
        return input;
    }

    /** Takes the oldest unanswered input, which a refusal or a garbled frame answers; null when none is waiting. */
    PendingInput takeOldest() {
        if (unanswered.isEmpty()) {
            return null;
        }
        PendingInput oldest = unanswered.remove(0);
        suspects.remove(oldest);
        return oldest;
    }

    /** Puts an input taken out back at the front of the queue, unless it has used its sends: false then. */
    boolean resend(PendingInput input) {
        if (input.sends() >= maxSends) {
            return false;
        }
        unsent.addFirst(input);
        return true;
    }

    /** Everything unanswered, taken out: its socket has ended. */
    List<PendingInput> takeUnanswered() {
        List<PendingInput> taken = new ArrayList<>(unanswered);
        unanswered.clear();
        taken.forEach(suspects::remove);
        return taken;
    }

    /**
     * Puts inputs a closed socket left unanswered back at the front, in their order, to go out before anything
     * newer; those given up by their callers are left out. As suspects, they then go out one at a time.
     */
    void requeue(List<PendingInput> inputs, boolean asSuspects) {
        for (int i = inputs.size() - 1; i >= 0; i--) {
            PendingInput input = inputs.get(i);
            if (!input.abandoned()) {
                unsent.addFirst(input);
                if (asSuspects) {
                    suspects.add(input);
                }
            }
        }
    }

    /** Everything in the window, unanswered first, taken out. */
    List<PendingInput> drain() {
        List<PendingInput> all = takeUnanswered();
        all.addAll(unsent);
        unsent.clear();
        suspects.clear();
        return all;
    }

    /**
     * Gives up an owner's inputs, for this reason or none. Unsent ones leave the window; unanswered ones stay until
     * answered or their socket ends, since a result still arrives for them and blame may still fall on one.
     */
    void abandon(PendingInput.Owner owner, RealtimeException reason) {
        for (Iterator<PendingInput> waiting = unsent.iterator(); waiting.hasNext();) {
            PendingInput input = waiting.next();
            if (input.owner() == owner) {
                input.abandon(reason);
                suspects.remove(input);
                waiting.remove();
            }
        }
        unanswered.stream().filter(input -> input.owner() == owner).forEach(input -> input.abandon(reason));
    }

    /** No send before {@code pause} from now (or before an earlier pause ends, if later). */
    void pauseFor(Duration pause) {
        pausedUntilNanos = Math.max(pausedUntilNanos, clock.getAsLong() + pause.toNanos());
    }

    /**
     * A new holder takes over: pacing after the last send keeps the gap the previous holder asked for, so a newcomer
     * with a longer throttle is not held back by a send it did not make.
     */
    void handOver(Duration previousThrottle, Duration newThrottle) {
        long longerBy = newThrottle.toNanos() - previousThrottle.toNanos();
        if (longerBy > 0) {
            lastSendNanos -= longerBy;
        }
    }

    /**
     * Nanoseconds until the oldest unanswered input has waited {@code inputTimeout} since it went out (0 or less: it
     * has); {@link Long#MAX_VALUE} when none is unanswered.
     */
    long stallDueIn(Duration inputTimeout) {
        return unanswered.isEmpty() ? Long.MAX_VALUE : unanswered.get(0).lastSentNanos() + inputTimeout.toNanos() - clock.getAsLong();
    }
}
