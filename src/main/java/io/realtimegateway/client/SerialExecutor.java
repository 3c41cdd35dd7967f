package io.realtimegateway.client;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.logging.Log;

/**
 * Runs tasks one at a time, in submission order, on whichever thread submits while none runs. A
 * connection's state lives behind one of these: no locks, no thread hop when uncontended, and a task
 * submitted from inside a task (a callback calling {@code send}) runs right after it instead of re-entering.
 */
final class SerialExecutor implements Executor {

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        while (!tasks.isEmpty() && running.compareAndSet(false, true)) {
            try {
                Runnable next;
                while ((next = tasks.poll()) != null) {
                    runSafely(next);
                }
            } finally {
                running.set(false);
            }
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            Log.error("A real-time connection task failed", e);
        }
    }
}
