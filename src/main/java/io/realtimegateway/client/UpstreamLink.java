package io.realtimegateway.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.quarkus.logging.Log;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.ResultCorrelation;
import io.realtimegateway.protocol.UpstreamMessage;
import io.realtimegateway.protocol.UpstreamMessage.FalError;

/**
 * One logical connection to an app: it outlives sockets. It keeps the inputs not yet sent and those sent
 * but unanswered, paces sends, never has more than {@code maxBuffering} unanswered (so fal's bounded queue
 * never drops one), matches results to inputs first in first out, and runs one socket session after
 * another through the app's fault tolerance guard. A lost connection re-queues its unanswered inputs; if
 * the socket had answered nothing the session fails and the guard's retry opens the next one after
 * back-off (and the app's breaker counts it), otherwise the next socket opens at once. It also finds the
 * culprit when the upstream ends a session over one bad input. All state is touched only through {@link #serial}.
 */
final class UpstreamLink implements SocketListener {

    /** The client's books of live links. */
    interface Registry {
        /** Offers a private link whose holder left it clean to the idle pool; false when the pool is full. */
        boolean park(UpstreamLink link);

        /** Drops an idle link unless a holder took it meanwhile; true when dropped. */
        boolean releaseIfUnused(UpstreamLink link);

        /** Drops the link. */
        void forget(UpstreamLink link);
    }

    private final LinkSettings settings;
    private final LinkServices services;
    private final Registry registry;
    private final SerialExecutor serial = new SerialExecutor();
    /** Read when a handle attaches, so it is safe outside {@link #serial}. */
    private final Set<ConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private volatile Duration requestedThrottle;
    private volatile RateLimitNotice lastRateLimit;

    private final ArrayDeque<PendingInput> unsent = new ArrayDeque<>();
    private final List<PendingInput> unanswered = new ArrayList<>();
    private UpstreamSocket socket;
    /** Completes when the current socket's session ends: normally, or with why it was lost. */
    private CompletableFuture<Void> sessionEnd;
    /** Completes when the current socket proves itself (its first answer) for the breaker's verdict. */
    private CompletableFuture<Void> sessionProven;
    /** A guarded run of sessions is under way (connecting, open, or backing off before a retry). */
    private boolean sessionsRunning;
    private int sessionsOpened;
    /** Results the current socket delivered: a socket lost after answering is a flaky network, not a down upstream. */
    private int answeredOnSocket;
    private boolean retired;
    private long lastSendNanos;
    private long pausedUntilNanos;
    private boolean pumpScheduled;
    private long stallTimer = -1;
    /** What the upstream said, or what we did, before the current socket closed. */
    private FalError endingError;
    private boolean idleNotice;
    private boolean unauthorized;
    private boolean closedByUs;

    /** When the upstream last refused for its rate limit, and the wait it asked for. */
    record RateLimitNotice(long atNanos, Duration retryAfter) {
    }

    UpstreamLink(LinkSettings settings, Duration throttle, LinkServices services, Registry registry) {
        this.settings = settings;
        this.requestedThrottle = throttle;
        this.services = services;
        this.registry = registry;
        this.lastSendNanos = System.nanoTime() - throttle.toNanos();
    }

    LinkSettings settings() {
        return settings;
    }

    /** The pause kept between sends now: what was asked, or more while the app is being rate limited. */
    Duration throttle() {
        return services.throttles().effective(settings.app(), requestedThrottle);
    }

    RateLimitNotice lastRateLimit() {
        return lastRateLimit;
    }

    /** Called atomically with the client's lookup, so a link being retired never gains a handle. */
    void attach(ConnectionHandle handle, Duration throttle) {
        boolean handover = handles.isEmpty();
        long longerBy = throttle.toNanos() - requestedThrottle.toNanos();
        handles.add(handle);
        this.requestedThrottle = throttle;
        if (handover && longerBy > 0) {
            // A newcomer on an idle socket: the gap after the last send is the one its sender asked for, not the newcomer's.
            serial.execute(() -> lastSendNanos -= longerBy);
        }
    }

    /** A holder that joined a socket already open hears about it too. Called after the client's lookup. */
    void greet(ConnectionHandle handle) {
        serial.execute(() -> {
            if (socket != null) {
                handle.notify(RealtimeListener::onOpen);
            }
        });
    }

    /** Closes the link if no holder took it meanwhile: for idle links the client drops on request. */
    void closeIfIdle() {
        serial.execute(this::retireIfIdle);
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

    /** The handle's inputs still waiting are given up, for this reason if one is given; the stage completes once they are. */
    CompletionStage<Void> detach(ConnectionHandle handle, RealtimeException reason) {
        CompletableFuture<Void> detached = new CompletableFuture<>();
        serial.execute(() -> {
            handles.remove(handle);
            unsent.stream().filter(input -> input.owner == handle).forEach(input -> input.abandon(reason));
            unsent.removeIf(PendingInput::abandoned);
            unanswered.stream().filter(input -> input.owner == handle).forEach(input -> input.abandon(reason));
            detached.complete(null);
            boolean clean = unanswered.isEmpty() && unsent.isEmpty() && !retired && !services.client().warmTimeout().isZero();
            if (settings.shared() ? handles.isEmpty() : clean && registry.park(this)) {
                // Idle: the next holder of the key, or the next private caller, finds the socket warm.
                Duration idle = settings.shared() ? services.client().idleTimeout() : services.client().warmTimeout();
                services.vertx().setTimer(Math.max(1, idle.toMillis()), id -> serial.execute(this::retireIfIdle));
            } else if (!settings.shared()) {
                retire();
            }
        });
        return detached;
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
            if (!unsent.isEmpty() && !sessionsRunning) {
                runSessions();
            }
            return;
        }
        Duration throttle = throttle();
        while (!unsent.isEmpty() && unanswered.size() < capacity()) {
            long now = System.nanoTime();
            long wait = Math.max(lastSendNanos + throttle.toNanos(), pausedUntilNanos) - now;
            if (wait > 0) {
                schedulePump(wait);
                return;
            }
            PendingInput input = unsent.poll();
            if (input.sends() >= services.client().maxSendsPerInput()) {
                input.fail(new RealtimeException(ErrorCode.CONNECTION_LOST, "sent " + input.sends()
                        + " times without an answer (gateway.client.max-sends-per-input); the upstream keeps closing the connection"));
                continue;
            }
            input.owner.sentOn(socket, throttle);
            input.markSent(now);
            unanswered.add(input);
            lastSendNanos = now;
            socket.send(input.frame);
            watchForStall();
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
            services.vertx().setTimer(Math.max(1, (waitNanos + 999_999) / 1_000_000), id -> serial.execute(() -> {
                pumpScheduled = false;
                pump();
            }));
        }
    }

    // ---- sessions ----

    private void runSessions() {
        sessionsRunning = true;
        services.guards().run(settings.app(), settings.path(), this::openSession)
                .whenComplete((done, failure) -> serial.execute(() -> sessionsEnded(failure)));
    }

    /**
     * One attempt of the session guard: a socket from open to close. The app's breaker judges the attempt until
     * the socket proves itself. Called by the guard, on any thread.
     */
    private CompletionStage<Void> openSession() {
        CompletableFuture<Void> end = new CompletableFuture<>();
        serial.execute(() -> {
            if (retired || unsent.isEmpty()) {
                // Nothing left to send, e.g. the caller gave up while we backed off.
                end.complete(null);
                return;
            }
            services.guards().judge(settings.app(), () -> {
                CompletableFuture<Void> proven = new CompletableFuture<>();
                services.opener().open(settings, this).subscribe().with(
                        opened -> serial.execute(() -> socketOpened(opened, end, proven)),
                        failure -> serial.execute(() -> openFailed((RealtimeException) failure, end, proven)));
                return proven;
            }).whenComplete((proven, refused) -> {
                if (refused != null && !end.isDone()) {
                    // The breaker is open (or the attempt failed, which the session learns the same way).
                    end.completeExceptionally(refused instanceof CompletionException && refused.getCause() != null ? refused.getCause() : refused);
                }
            });
        });
        return end;
    }

    private void socketOpened(UpstreamSocket opened, CompletableFuture<Void> end, CompletableFuture<Void> proven) {
        if (retired) {
            opened.close();
            proven.complete(null);
            end.complete(null);
            return;
        }
        socket = opened;
        sessionEnd = end;
        sessionProven = proven;
        answeredOnSocket = 0;
        if (++sessionsOpened > 1) {
            services.metrics().reconnected(settings.app());
        }
        log("Connected to %s (connectionKey=%s)", settings.app(), keyForLogs());
        handles.forEach(handle -> handle.notify(RealtimeListener::onOpen));
        pump();
    }

    private void openFailed(RealtimeException failure, CompletableFuture<Void> end, CompletableFuture<Void> proven) {
        Log.debugf("Could not connect to %s (connectionKey=%s): %s", settings.app(), keyForLogs(), failure);
        if (failure.code() == ErrorCode.RATE_LIMITED) {
            slowDown(failure.retryAfter().orElse(null));
        }
        proven.completeExceptionally(failure);
        end.completeExceptionally(failure);
    }

    /** The guard is done: a session ended cleanly, or it gave up, and then what is waiting fails. */
    private void sessionsEnded(Throwable failure) {
        sessionsRunning = false;
        if (failure != null) {
            RealtimeException cause = failure instanceof CompletionException && failure.getCause() instanceof RealtimeException known
                    ? known
                    : new RealtimeException(ErrorCode.CONNECTION_LOST, String.valueOf(failure.getMessage()), failure);
            // An app the upstream does not have is the caller's typo, answered with a 404: no reason to warn the operator.
            Log.logf(cause.code() == ErrorCode.APP_NOT_FOUND ? Logger.Level.INFO : Logger.Level.WARN, "Gave up on %s (connectionKey=%s): %s",
                    settings.app(), keyForLogs(), cause);
            failAll(cause);
        }
        pump();
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
                closeSocket("the upstream refused the token");
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
        PendingInput input = unanswered.remove(ResultCorrelation.match(unanswered, pending -> pending.echo, output));
        answeredOnSocket++;
        sessionProven.complete(null);
        input.suspect = false;
        input.succeed(output, System.nanoTime());
        pump();
    }

    private void falErrorArrived(FalError error) {
        if (error.isIdleTimeout()) {
            idleNotice = true;
        } else if (error.isRateLimit()) {
            inputRefusedForRateLimit(error);
        } else {
            endingError = error;
        }
    }

    /** The refusal answers the oldest input, which goes back to the front of the queue; sends slow down. */
    private void inputRefusedForRateLimit(FalError error) {
        if (!unanswered.isEmpty()) {
            PendingInput refused = unanswered.remove(0);
            if (refused.sends() >= services.client().maxSendsPerInput()) {
                refused.fail(new RealtimeException(ErrorCode.RATE_LIMITED, "the upstream kept refusing the input for its rate limit: "
                        + error.describe(), throttle(), null));
            } else {
                unsent.addFirst(refused);
            }
        }
        slowDown(null);
        pump();
    }

    private void slowDown(Duration retryAfter) {
        Duration slower = services.throttles().slowDown(settings.app(), throttle());
        Duration pause = retryAfter != null && retryAfter.compareTo(slower) > 0 ? retryAfter : slower;
        pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + pause.toNanos());
        lastRateLimit = new RateLimitNotice(System.nanoTime(), pause);
        services.metrics().rateLimited(settings.app());
    }

    /** The oldest unanswered input is the one a garbled frame answers; the session goes on. */
    private void failOldest(RealtimeException error) {
        if (!unanswered.isEmpty()) {
            unanswered.remove(0).fail(error);
        }
        pump();
    }

    @Override
    public void onClosed(UpstreamSocket from, int code, String reason) {
        serial.execute(() -> {
            if (from == socket) {
                socketEnded(code, reason);
            }
        });
    }

    /**
     * Closes the socket and settles it at once. Its close event may never come: when the peer does not answer
     * our close frame, Quarkus's connector fails on Vert.x's provisional code 1006 before calling us back.
     */
    private void closeSocket(String why) {
        UpstreamSocket closing = socket;
        socketEnded(1000, why);
        closing.close();
    }

    private void socketEnded(int code, String reason) {
        socket = null;
        services.vertx().cancelTimer(stallTimer);
        stallTimer = -1;
        List<PendingInput> lost = new ArrayList<>(unanswered);
        unanswered.clear();
        log("Disconnected from %s (connectionKey=%s, code=%d, unanswered=%d%s)", settings.app(), keyForLogs(), code,
                lost.size(), endingError != null ? ", after " + endingError.error() : idleNotice ? ", idle" : "");
        boolean healthy = settle(lost, code);
        CompletableFuture<Void> end = sessionEnd;
        CompletableFuture<Void> proven = sessionProven;
        sessionEnd = null;
        sessionProven = null;
        endingError = null;
        idleNotice = false;
        unauthorized = false;
        closedByUs = false;
        handles.forEach(handle -> handle.notify(listener -> listener.onClose(code, reason)));
        // After answers, reconnect at once with a fresh retry budget; before any, back off and count it.
        if (healthy || answeredOnSocket > 0) {
            proven.complete(null);
            end.complete(null);
        } else {
            RealtimeException failure = new RealtimeException(ErrorCode.CONNECTION_LOST,
                    "the upstream connection to " + settings.app() + " was lost (close code " + code + ") with "
                            + lost.size() + " inputs unanswered");
            proven.completeExceptionally(failure);
            end.completeExceptionally(failure);
        }
    }

    /**
     * Decides what the inputs the closed socket left unanswered get (PROTOCOL.md, "Session life"), and whether
     * the session ended cleanly. Inputs abandoned by their caller still count when blame is decided, but are
     * never resent or reported.
     */
    private boolean settle(List<PendingInput> lost, int code) {
        if (unauthorized) {
            services.opener().forgetToken(settings);
            RealtimeException refused = new RealtimeException(ErrorCode.UNAUTHORIZED, "the upstream refused the token for " + settings.app());
            failAll(lost, refused);
            failAll(refused);
        } else if (endingError != null && lost.size() == 1) {
            lost.get(0).fail(new RealtimeException(endingError.code(), "the upstream rejected the input: " + endingError.describe()));
        } else if (endingError != null && lost.size() > 1) {
            // The error may belong to any of them: resend them one at a time until it recurs, then blame that one.
            lost.forEach(input -> input.suspect = true);
            requeueFirst(lost);
        } else if (closedByUs || idleNotice || (code == 1000 && lost.isEmpty())) {
            // An idle close racing our last sends: those inputs never reached a model; send them again.
            requeueFirst(lost);
        } else {
            // Lost: the inputs in flight go out again on the next socket, which the guard's retry opens.
            requeueFirst(lost);
            return false;
        }
        return true;
    }

    private void requeueFirst(List<PendingInput> inputs) {
        for (int i = inputs.size() - 1; i >= 0; i--) {
            if (!inputs.get(i).abandoned()) {
                unsent.addFirst(inputs.get(i));
            }
        }
    }

    // ---- silent upstreams ----

    /** Arms a check for when the oldest unanswered input has waited the input timeout. */
    private void watchForStall() {
        if (stallTimer != -1 || unanswered.isEmpty()) {
            return;
        }
        long due = unanswered.get(0).lastSentNanos() + services.inputTimeout().toNanos() - System.nanoTime();
        UpstreamSocket watched = socket;
        stallTimer = services.vertx().setTimer(Math.max(1, (due + 999_999) / 1_000_000), id -> serial.execute(() -> {
            stallTimer = -1;
            if (watched == socket) {
                checkForStall();
            }
        }));
    }

    private void checkForStall() {
        if (unanswered.isEmpty()) {
            return;
        }
        long waited = System.nanoTime() - unanswered.get(0).lastSentNanos();
        if (waited < services.inputTimeout().toNanos()) {
            watchForStall();
            return;
        }
        Log.warnf("%s answered nothing for %d ms; giving up on %d inputs (connectionKey=%s)", settings.app(),
                waited / 1_000_000, unanswered.size(), keyForLogs());
        failAll(new ArrayList<>(unanswered), new RealtimeException(ErrorCode.TIMEOUT, "no result within "
                + services.inputTimeout().toMillis() + " ms of sending (gateway.resilience.input-timeout); the upstream went silent"));
        unanswered.clear();
        closedByUs = true;
        closeSocket("the upstream went silent");
    }

    // ---- failing and retiring ----

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

    private void retireIfIdle() {
        if (!retired && registry.releaseIfUnused(this)) {
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
        services.vertx().cancelTimer(stallTimer);
        if (socket != null) {
            socket.close();
            socket = null;
        }
        if (sessionEnd != null) {
            // The guards are waiting for this session: end it, or its bulkhead slot is never given back.
            sessionProven.complete(null);
            sessionEnd.complete(null);
            sessionEnd = null;
            sessionProven = null;
        }
        registry.forget(this);
        log("Closed the connection to %s (connectionKey=%s)", settings.app(), keyForLogs());
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
