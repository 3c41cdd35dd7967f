package io.realtimegateway.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.quarkus.logging.Log;

/**
 * Warnings that may come in floods (every refused session when the bulkhead is full) are logged at most once per
 * interval for each kind; the next one logged says how many of its kind were held back. Kinds are an enum, so the
 * state stays bounded whatever callers send. Any thread.
 *
 * @param <K> the kinds of warning
 */
public final class RepeatedWarnings<K extends Enum<K>> {

    /** One kind's current interval: when it began, and how many warnings it has held back. */
    private record Window(long startedNanos, int heldBack) {
    }

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<K, Window> windows = new ConcurrentHashMap<>();

    public RepeatedWarnings(Duration interval, LongSupplier nanoClock) {
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Logs the warning, or counts it and stays quiet when one of its kind was logged within the interval. */
    public void warn(K kind, String format, Object... parameters) {
        admit(kind).ifPresent(heldBack -> Log.warnf(heldBack == 0 ? format : format + " (and " + heldBack + " more like it held back)", parameters));
    }

    /** Empty when this warning is held back; else how many of its kind were held back since the last one logged. */
    OptionalInt admit(K kind) {
        long now = nanoClock.getAsLong();
        int[] logged = { -1 };
        windows.compute(kind, (k, window) -> {
            if (window == null || now - window.startedNanos() >= intervalNanos) {
                logged[0] = window == null ? 0 : window.heldBack();
                return new Window(now, 0);
            }
            return new Window(window.startedNanos(), window.heldBack() + 1);
        });
        return logged[0] < 0 ? OptionalInt.empty() : OptionalInt.of(logged[0]);
    }
}
