package io.realtimegateway.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/**
 * The client's books of links: the shared link of each connectionKey, the private links waiting warm for their next
 * caller (most recently used first), and every live link with its holders. It decides what becomes of a link a holder
 * leaves (kept for its key, parked warm, or retired) and runs the timers that retire idle ones.
 * <p>
 * Threads: any. Its books are guarded by its own lock, held briefly and never while a link runs a task: links are
 * retired after the lock is released.
 */
final class LinkPool {

    /** A live link's books. Guarded by the pool. */
    private static final class Books {
        int holders;
        /** Armed while the link waits idle (no holder), to retire it; {@link Scheduler.Timer#NONE} otherwise. */
        Scheduler.Timer idleTimer = Scheduler.Timer.NONE;
    }

    private final LinkServices services;
    /** Guarded by this. */
    private final Map<LinkSettings, UpstreamLink> shared = new HashMap<>();
    /** Guarded by this: private links left clean, most recent first; an entry is dropped once empty. */
    private final Map<LinkSettings, ArrayDeque<UpstreamLink>> warm = new HashMap<>();
    /** Guarded by this: every link not retired yet. */
    private final Map<UpstreamLink, Books> live = new IdentityHashMap<>();

    LinkPool(LinkServices services) {
        this.services = services;
    }

    /** A link for a new holder, counted: the shared one of its key, a warm private one, or a new one. */
    synchronized UpstreamLink take(LinkSettings settings, Duration throttle) {
        UpstreamLink link = settings.shared() ? shared.get(settings) : takeWarm(settings);
        if (link == null) {
            link = new UpstreamLink(settings, throttle, services, this);
            live.put(link, new Books());
            if (settings.shared()) {
                shared.put(settings, link);
            }
        }
        Books books = live.get(link);
        books.holders++;
        books.idleTimer.cancel();
        books.idleTimer = Scheduler.Timer.NONE;
        return link;
    }

    /**
     * A holder left the link; returns whether the link lives on. A shared link does, for the next holder of its key,
     * until it has been idle for the idle timeout. A private link left clean (nothing waiting) is parked warm for the
     * next private caller, while there is room; otherwise its caller retires it.
     */
    synchronized boolean keep(UpstreamLink link, boolean clean) {
        Books books = live.get(link);
        if (books == null) {
            return false; // retired meanwhile
        }
        books.holders--;
        LinkSettings settings = link.settings();
        ClientLimits limits = services.limits();
        if (settings.shared()) {
            if (books.holders == 0) {
                books.idleTimer = retireWhenIdle(link, limits.idleTimeout());
            }
            return true;
        }
        ArrayDeque<UpstreamLink> parked = warm.get(settings);
        if (!clean || limits.warmTimeout().isZero() || (parked == null ? 0 : parked.size()) >= limits.maxIdleConnections()) {
            return false;
        }
        warm.computeIfAbsent(settings, key -> new ArrayDeque<>()).addFirst(link);
        books.idleTimer = retireWhenIdle(link, limits.warmTimeout());
        return true;
    }

    /** The link retired: it leaves the books. */
    synchronized void forget(UpstreamLink link) {
        Books books = live.remove(link);
        if (books != null) {
            books.idleTimer.cancel();
        }
        shared.remove(link.settings(), link);
        dropWarm(link);
    }

    /** Retires every link nobody holds right now: warm private ones and idle shared ones. Completes once their sockets are closed. */
    CompletionStage<Void> closeIdle() {
        List<UpstreamLink> idle = new ArrayList<>();
        synchronized (this) {
            live.forEach((link, books) -> {
                if (books.holders == 0) {
                    idle.add(link);
                }
            });
            idle.forEach(this::release);
        }
        return CompletableFuture.allOf(idle.stream().map(link -> link.retire(null).toCompletableFuture()).toArray(CompletableFuture[]::new));
    }

    /** Fails what every link still waits for, and retires them all: the gateway is stopping. */
    void shutdown(String why) {
        List<UpstreamLink> all;
        synchronized (this) {
            all = new ArrayList<>(live.keySet());
        }
        all.forEach(link -> link.retire(new RealtimeException(ErrorCode.CONNECTION_LOST, why)));
    }

    /** How many link settings the books hold anything for: bounded by the links alive, never by the settings seen. */
    synchronized int settingsHeld() {
        return shared.size() + warm.size();
    }

    private Scheduler.Timer retireWhenIdle(UpstreamLink link, Duration idle) {
        return services.scheduler().schedule(idle.toNanos(), () -> {
            boolean released;
            synchronized (this) {
                Books books = live.get(link);
                released = books != null && books.holders == 0;
                if (released) {
                    release(link);
                }
            }
            if (released) {
                link.retire(null);
            }
        });
    }

    /** Takes an unheld link off the shelves, so that no new holder finds it while it retires. Holds the lock. */
    private void release(UpstreamLink link) {
        assert Thread.holdsLock(this);
        Books books = live.get(link);
        books.idleTimer.cancel();
        books.idleTimer = Scheduler.Timer.NONE;
        shared.remove(link.settings(), link);
        dropWarm(link);
    }

    private UpstreamLink takeWarm(LinkSettings settings) {
        ArrayDeque<UpstreamLink> parked = warm.get(settings);
        if (parked == null) {
            return null;
        }
        UpstreamLink link = parked.pollFirst();
        if (parked.isEmpty()) {
            warm.remove(settings);
        }
        return link;
    }

    private void dropWarm(UpstreamLink link) {
        ArrayDeque<UpstreamLink> parked = warm.get(link.settings());
        if (parked != null && parked.remove(link) && parked.isEmpty()) {
            warm.remove(link.settings());
        }
    }
}
