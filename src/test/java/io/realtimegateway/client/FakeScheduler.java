package io.realtimegateway.client;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A scheduler whose clock moves only when the test says so, in the spirit of OkHttp's {@code TaskFaker}: timers run on
 * the test thread, in the order they fall due, as the test advances time past them. Nothing runs by itself.
 */
final class FakeScheduler implements Scheduler {

    private record Task(long dueNanos, long order, Runnable work) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(Comparator.comparingLong(Task::dueNanos).thenComparingLong(Task::order));
    /** An arbitrary start: code must never assume the clock starts at 0. */
    private long now = 5_000_000_000L;
    private long scheduled;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Timer schedule(long delayNanos, Runnable work) {
        Task task = new Task(now + Math.max(0, delayNanos), scheduled++, work);
        tasks.add(task);
        return () -> tasks.remove(task);
    }

    /** Moves the clock forward, running every task that falls due on the way, each at its own due time. */
    void advance(Duration by) {
        long until = now + by.toNanos();
        while (!tasks.isEmpty() && tasks.peek().dueNanos() <= until) {
            Task next = tasks.poll();
            now = Math.max(now, next.dueNanos());
            next.work().run();
        }
        now = until;
    }

    /** Runs what is due now, without moving the clock. */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** How many timers are armed. */
    int armed() {
        return tasks.size();
    }

    /** How long until the next timer falls due. */
    Duration untilNext() {
        return tasks.isEmpty() ? null : Duration.ofNanos(tasks.peek().dueNanos() - now);
    }
}
