package io.realtimegateway.client;

import io.vertx.core.Vertx;

/**
 * Time and timers as the client's state machines see them: Vert.x timers and the JVM's monotonic clock in
 * production, a fake whose clock moves only when a test says so in unit tests. Nothing in {@code client} reads
 * {@link System#nanoTime()} or sets a timer except through one of these.
 */
interface Scheduler {

    /** A monotonic clock in nanoseconds, like {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs the task once, on any thread, when the delay has passed (Vert.x rounds up to whole milliseconds, at least 1). */
    Timer schedule(long delayNanos, Runnable task);

    /** A task scheduled to run later; cancelling one that has run (or is running) does nothing. */
    @FunctionalInterface
    interface Timer {

        /** The sentinel for "no timer armed". */
        Timer NONE = () -> {
        };

        void cancel();
    }

    static Scheduler of(Vertx vertx) {
        return new Scheduler() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Timer schedule(long delayNanos, Runnable task) {
                long id = vertx.setTimer(Math.max(1, (delayNanos + 999_999) / 1_000_000), fired -> task.run());
                return () -> vertx.cancelTimer(id);
            }
        };
    }
}
