package io.realtimegateway.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.logging.Log;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.ResultCorrelation;
import io.realtimegateway.protocol.UpstreamMessage;
import io.realtimegateway.protocol.UpstreamMessage.FalError;
import io.vertx.core.Vertx;

/**
 * One logical connection to an app: it outlives sockets. It keeps the inputs not yet sent and those sent
 * but unanswered, paces sends, never has more than {@code maxBuffering} unanswered (so fal's bounded queue
 * never drops one), matches results to inputs first in first out, reopens a socket when inputs wait, and
 * finds the culprit when the upstream ends a session over one bad input. All state is touched only
 * through {@link #serial}.
 */
final class UpstreamLink implements SocketListener {

    /** What the link needs from its client. */
    interface Environment {
        SocketOpener opener();

        Vertx vertx();

        int maxSendsPerInput();

        Duration idleTimeout();

        /** Drops a shared link from the client's books unless a handle attached meanwhile; true when dropped. */
        boolean releaseIfUnused(UpstreamLink link);

        /** Drops the link from the client's books. */
        void forget(UpstreamLink link);
    }

    private final LinkSettings settings;
    private final Environment environment;
    private final SerialExecutor serial = new SerialExecutor();
    /** Read when a handle attaches, so it is safe outside {@link #serial}. */
    private final Set<ConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private volatile Duration throttle;

    private final ArrayDeque<PendingInput> unsent = new ArrayDeque<>();
    private final List<PendingInput> unanswered = new ArrayList<>();
    private UpstreamSocket socket;
    private boolean connecting;
    private boolean retired;
    private long lastSendNanos;
    private boolean pumpScheduled;
    /** What the upstream said before it closed the current socket. */
    private FalError endingError;
    private boolean idleNotice;
    private boolean unauthorized;

    UpstreamLink(LinkSettings settings, Duration throttle, Environment environment) {
        this.settings = settings;
        this.throttle = throttle;
        this.environment = environment;
        this.lastSendNanos = System.nanoTime() - throttle.toNanos();
    }

    LinkSettings settings() {
        return settings;
    }

    Duration throttle() {
        return throttle;
    }

    /** Called atomically with the client's lookup, so a link being retired never gains a handle. */
    void attach(ConnectionHandle handle, Duration throttle) {
        handles.add(handle);
        this.throttle = throttle;
    }

    boolean unused() {
        return handles.isEmpty();
    }

    void submit(PendingInput input) {
        serial.execute(() -> {
            if (retired) {
                input.fail(new RealtimeException(ErrorCode.CONNECTION_LOST, "the connection to " + settings.app() + " is closed"));
                return;
            }
            unsent.add(input);
            pump();
        });
    }

    void detach(ConnectionHandle handle) {
        serial.execute(() -> {
            handles.remove(handle);
            unsent.stream().filter(input -> input.owner == handle).forEach(PendingInput::abandon);
            unsent.removeIf(PendingInput::abandoned);
            unanswered.stream().filter(input -> input.owner == handle).forEach(PendingInput::abandon);
            if (!settings.shared()) {
                retire();
            } else if (handles.isEmpty()) {
                environment.vertx().setTimer(Math.max(1, environment.idleTimeout().toMillis()),
                        id -> serial.execute(this::retireIfIdle));
            }
        });
    }

    /** Fails everything still waiting and closes the socket: the gateway is stopping. */
    void shutdown(String why) {
        serial.execute(() -> {
            failAll(new RealtimeException(ErrorCode.CONNECTION_LOST, why));
            retire();
        });
    }

    // ---- sending ----

    private void pump() {
        if (retired) {
            return;
        }
        if (socket == null) {
            if (!unsent.isEmpty() && !connecting) {
                openSocket();
            }
            return;
        }
        while (!unsent.isEmpty() && unanswered.size() < capacity()) {
            long now = System.nanoTime();
            long wait = lastSendNanos + throttle.toNanos() - now;
            if (wait > 0) {
                schedulePump(wait);
                return;
            }
            PendingInput input = unsent.poll();
            if (input.sends() >= environment.maxSendsPerInput()) {
                input.fail(new RealtimeException(ErrorCode.CONNECTION_LOST, "sent " + input.sends()
                        + " times without an answer; the upstream keeps closing the connection"));
                continue;
            }
            input.owner.usedSocket(socket);
            input.markSent(now);
            unanswered.add(input);
            lastSendNanos = now;
            socket.send(input.frame);
        }
    }

    /** While the culprit of an error close is searched for, inputs go out one at a time. */
    private int capacity() {
        boolean isolating = (!unanswered.isEmpty() && unanswered.get(0).suspect) || (!unsent.isEmpty() && unsent.peek().suspect);
        return isolating ? 1 : settings.maxBuffering();
    }

    private void schedulePump(long waitNanos) {
        if (!pumpScheduled) {
            pumpScheduled = true;
            environment.vertx().setTimer(Math.max(1, (waitNanos + 999_999) / 1_000_000), id -> serial.execute(() -> {
                pumpScheduled = false;
                pump();
            }));
        }
    }

    private void openSocket() {
        connecting = true;
        environment.opener().open(settings, this).subscribe().with(
                opened -> serial.execute(() -> socketOpened(opened)),
                failure -> serial.execute(() -> socketFailed((RealtimeException) failure)));
    }

    private void socketOpened(UpstreamSocket opened) {
        connecting = false;
        if (retired) {
            opened.close();
            return;
        }
        socket = opened;
        log("Connected to %s (connectionKey=%s)", settings.app(), keyForLogs());
        handles.forEach(handle -> handle.notify(RealtimeListener::onOpen));
        pump();
    }

    private void socketFailed(RealtimeException failure) {
        connecting = false;
        Log.warnf("Could not connect to %s (connectionKey=%s): %s", settings.app(), keyForLogs(), failure);
        failAll(failure);
    }

    // ---- receiving ----

    @Override
    public void onMessage(UpstreamSocket from, UpstreamMessage message) {
        serial.execute(() -> {
            if (from != socket) {
                return;
            }
            if (message instanceof UpstreamMessage.Result result) {
                resultArrived(result.output());
            } else if (message instanceof FalError error) {
                falErrorArrived(error);
            } else if (message instanceof UpstreamMessage.Unauthorized) {
                unauthorized = true;
                socket.close();
            } else if (message instanceof UpstreamMessage.Malformed malformed) {
                failOldest(new RealtimeException(ErrorCode.UPSTREAM_ERROR, "the upstream sent a malformed frame: " + malformed.problem()));
            }
            // Info messages (timings) are not results: nothing to do.
        });
    }

    private void resultArrived(Map<String, Object> output) {
        if (unanswered.isEmpty()) {
            Log.warnf("%s sent a result with no input waiting; dropped (connectionKey=%s)", settings.app(), keyForLogs());
            return;
        }
        PendingInput input = unanswered.remove(ResultCorrelation.match(inputs(unanswered), output));
        input.suspect = false;
        input.succeed(output, System.nanoTime());
        pump();
    }

    private void falErrorArrived(FalError error) {
        if (error.isIdleTimeout()) {
            idleNotice = true;
        } else if (error.isRateLimit()) {
            failOldest(new RealtimeException(ErrorCode.RATE_LIMITED, "the upstream refused the input: " + error.describe()));
        } else {
            endingError = error;
        }
    }

    /** The oldest unanswered input is the one a refusal or a garbled frame answers; the session goes on. */
    private void failOldest(RealtimeException error) {
        if (!unanswered.isEmpty()) {
            unanswered.remove(0).fail(error);
        }
        pump();
    }

    @Override
    public void onClosed(UpstreamSocket from, int code, String reason) {
        serial.execute(() -> {
            if (from != socket) {
                return;
            }
            socket = null;
            List<PendingInput> lost = new ArrayList<>(unanswered);
            unanswered.clear();
            log("Disconnected from %s (connectionKey=%s, code=%d, unanswered=%d%s)", settings.app(), keyForLogs(), code,
                    lost.size(), endingError != null ? ", after " + endingError.error() : idleNotice ? ", idle" : "");
            settle(lost, code);
            endingError = null;
            idleNotice = false;
            unauthorized = false;
            handles.forEach(handle -> handle.notify(listener -> listener.onClose(code, reason)));
            pump();
        });
    }

    /**
     * Decides what the inputs the closed socket left unanswered get: PROTOCOL.md's "Session life". Inputs
     * abandoned by their caller still count when blame is decided, but are never resent or reported.
     */
    private void settle(List<PendingInput> lost, int code) {
        if (unauthorized) {
            environment.opener().forgetToken(settings);
            RealtimeException refused = new RealtimeException(ErrorCode.UNAUTHORIZED, "the upstream refused the token for " + settings.app());
            failAll(lost, refused);
            failAll(refused);
        } else if (endingError != null && lost.size() == 1) {
            lost.get(0).fail(new RealtimeException(endingError.code(), "the upstream rejected the input: " + endingError.describe()));
        } else if (endingError != null && lost.size() > 1) {
            // The error may belong to any of them: resend them one at a time until it recurs, then blame that one.
            lost.forEach(input -> input.suspect = true);
            requeueFirst(lost);
        } else if (idleNotice || (code == 1000 && lost.isEmpty())) {
            // An idle close racing our last sends: those inputs never reached a model; send them again.
            requeueFirst(lost);
        } else {
            failAll(lost, new RealtimeException(ErrorCode.CONNECTION_LOST,
                    "the upstream closed the connection (code " + code + ") before answering"));
        }
    }

    private void requeueFirst(List<PendingInput> inputs) {
        for (int i = inputs.size() - 1; i >= 0; i--) {
            if (!inputs.get(i).abandoned()) {
                unsent.addFirst(inputs.get(i));
            }
        }
    }

    private void failAll(RealtimeException error) {
        List<PendingInput> waiting = new ArrayList<>(unanswered);
        waiting.addAll(unsent);
        unanswered.clear();
        unsent.clear();
        failAll(waiting, error);
    }

    private static void failAll(List<PendingInput> inputs, RealtimeException error) {
        inputs.forEach(input -> input.fail(error));
    }

    // ---- retiring ----

    private void retireIfIdle() {
        if (!retired && environment.releaseIfUnused(this)) {
            retire();
        }
    }

    private void retire() {
        if (retired) {
            return;
        }
        retired = true;
        unsent.forEach(PendingInput::abandon);
        unsent.clear();
        unanswered.forEach(PendingInput::abandon);
        unanswered.clear();
        if (socket != null) {
            socket.close();
            socket = null;
        }
        environment.forget(this);
        log("Closed the connection to %s (connectionKey=%s)", settings.app(), keyForLogs());
    }

    private static List<Map<String, ?>> inputs(List<PendingInput> pending) {
        List<Map<String, ?>> inputs = new ArrayList<>(pending.size());
        pending.forEach(input -> inputs.add(input.input));
        return inputs;
    }

    /** Keyed connections are few and long-lived: their events go to INFO; private ones, one per invocation, to DEBUG. */
    private void log(String format, Object... parameters) {
        if (settings.shared()) {
            Log.infof(format, parameters);
        } else {
            Log.debugf(format, parameters);
        }
    }

    private String keyForLogs() {
        return settings.shared() ? settings.connectionKey() : "private";
    }
}
