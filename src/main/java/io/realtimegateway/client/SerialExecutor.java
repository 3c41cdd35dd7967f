package io.realtimegateway.client;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.logging.Log;

/**
 * Runs tasks one at a time, in submission order. There is no thread of its own: a thread that submits while no
 * task runs runs its task at once, then every task others submitted meanwhile, before it returns. So a link's state
 * behind one of these needs no locks and costs no thread hop when uncontended, whichever thread drives it (the
 * socket's event loop, a timer, the fault tolerance's threads, a caller of {@code send} or {@code close}); and a
 * task submitted from inside a task (a callback calling {@code send}) runs right after it instead of re-entering.
 * {@link #execute} never blocks, so it is safe to call while holding a lock.
 */
final class SerialExecutor implements Executor {

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    /** The thread running tasks right now, or null: for {@link #inTask()}. Written only by that thread. */
    private volatile Thread runner;

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        while (!tasks.isEmpty() && running.compareAndSet(false, true)) {
            runner = Thread.currentThread();
            try {
                Runnable next;
                while ((next = tasks.poll()) != null) {
                    runSafely(next);
                }
            } finally {
                runner = null;
                running.set(false);
            }
        }
    }

    /** Whether the calling thread is running one of this executor's tasks: what "serial only" state asserts. */
    boolean inTask() {
        return runner == Thread.currentThread();
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            Log.error("A real-time connection task failed", e);
        }
    }
}
