package io.realtimegateway.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the simulator has seen, per app: how often callers connect and send, and what its queues dropped. */
public final class SimulatorStats {

    private final Map<String, LongAdder> connections = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> open = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> inputs = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    private final LongAdder tokens = new LongAdder();
    private final LongAdder delayedTokens = new LongAdder();
    private final LongAdder upgrades = new LongAdder();

    /** WebSocket sessions accepted for the app. */
    public long connections(String app) {
        return read(connections, app);
    }

    /** WebSocket sessions of the app open right now: accepted and not yet closed, by either side. */
    public long openSessions(String app) {
        return read(open, app);
    }

    /** Sessions open right now, for all apps together. */
    public long openSessions() {
        return open.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Input frames received for the app, valid or not. */
    public long inputs(String app) {
        return read(inputs, app);
    }

    /** Inputs dropped by full queues (fal drops the oldest waiting input, silently). */
    public long dropped(String app) {
        return read(dropped, app);
    }

    /** Sessions accepted for all apps together. */
    public long connections() {
        return connections.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Requests to the token endpoint, granted or not. */
    public long tokenRequests() {
        return tokens.sum();
    }

    /** Token requests answered late, as the token-delay fault says. */
    public long delayedTokenRequests() {
        return delayedTokens.sum();
    }

    /** WebSocket upgrade requests, for any path, answered or not. */
    public long upgradeRequests() {
        return upgrades.sum();
    }

    /** Forgets what was counted; sessions still open stay counted as open. */
    public void reset() {
        connections.clear();
        inputs.clear();
        dropped.clear();
        tokens.reset();
        delayedTokens.reset();
        upgrades.reset();
    }

    void upgradeRequested() {
        upgrades.increment();
    }

    void tokenRequested() {
        tokens.increment();
    }

    void tokenDelayed() {
        delayedTokens.increment();
    }

    void connected(String app) {
        count(connections, app);
        count(open, app);
    }

    void disconnected(String app) {
        open.get(app).decrement();
    }

    void received(String app) {
        count(inputs, app);
    }

    void droppedOne(String app) {
        count(dropped, app);
    }

    private static void count(Map<String, LongAdder> counters, String app) {
        counters.computeIfAbsent(app, key -> new LongAdder()).increment();
    }

    private static long read(Map<String, LongAdder> counters, String app) {
        LongAdder counter = counters.get(app);
        return counter == null ? 0 : counter.sum();
    }
}
