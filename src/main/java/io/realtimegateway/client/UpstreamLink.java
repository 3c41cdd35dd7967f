package io.realtimegateway.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import io.quarkus.logging.Log;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.UpstreamMessage;
import io.realtimegateway.resilience.RepeatedWarnings;
import io.realtimegateway.telemetry.LogFields;
import io.realtimegateway.telemetry.SocketTrace;
import io.realtimegateway.telemetry.TraceParent;

/**
 * One logical connection to an app: its holders share it, and it outlives sockets. Its inputs wait in an
 * {@link InFlightWindow}; it runs one {@link SocketSession} after another through the app's {@link SessionGuards}
 * (retries with back-off, bulkheads, the breaker). Its {@link LinkPool} decides what becomes of it when a holder leaves.
 * Threads: everything of a link (window, session, pacing writes, listener calls) runs on {@link #serial}; see the
 * package documentation.
 */
final class UpstreamLink implements SocketListener {

    /** Sessions given up, warned at most once every 10 s for each code (shared by every link; any thread). */
    private static final RepeatedWarnings<ErrorCode> GAVE_UP = new RepeatedWarnings<>(Duration.ofSeconds(10), System::nanoTime);

    private final LinkSettings settings;
    private final LinkServices services;
    private final LinkPool pool;
    private final SerialExecutor serial = new SerialExecutor();
    /** Serial only. */
    private final InFlightWindow window;
    /** Changed serially, read by any thread. */
    private final LinkPacing pacing;
    /** Serial only: who hears the link's socket opening and closing. The pool counts holders on its own. */
    private final List<ConnectionHandle> handles = new ArrayList<>();
    /** Serial only. */
    private LinkPhase phase = LinkPhase.IDLE;
    /** Serial only: the open socket's life, non-null exactly while {@link LinkPhase#OPEN}. */
    private SocketSession session;
    /** Serial only: sockets opened so far, so the latest one's number. */
    private int socketsOpened;
    /** Serial only: the span of the socket being opened, non-null exactly while {@link LinkPhase#CONNECTING}. */
    private SocketTrace connecting;
    /** Serial only: the trace of the caller whose input arrived last: the next socket is opened for it. */
    private TraceParent latestCaller = TraceParent.NONE;

    UpstreamLink(LinkSettings settings, Duration throttle, LinkServices services, LinkPool pool) {
        this.settings = settings;
        this.services = services;
        this.pool = pool;
        this.window = new InFlightWindow(services.scheduler()::nanoTime, settings.maxBuffering(), services.limits().maxSendsPerInput());
        this.pacing = new LinkPacing(settings.app(), throttle, services);
    }

    LinkSettings settings() {
        return settings;
    }

    InFlightWindow window() {
        assert serial.inTask() : "the window is serial only";
        return window;
    }

    LinkServices services() {
        return services;
    }

    boolean inSerialTask() {
        return serial.inTask();
    }

    LinkPacing pacing() {
        return pacing;
    }

    /** A new holder, already counted by the pool; hears {@code onOpen} at once if a socket is open. */
    ConnectionHandle attach(RealtimeListener listener, Duration throttle) {
        ConnectionHandle handle = new ConnectionHandle(this, listener);
        serial.execute(() -> {
            Duration previous = pacing.request(throttle);
            if (handles.isEmpty()) {
                window.handOver(previous, throttle);
            }
            handles.add(handle);
            if (phase == LinkPhase.OPEN) {
                handle.notify(RealtimeListener::onOpen);
            }
        });
        return handle;
    }

    void submit(PendingInput input) {
        serial.execute(() -> {
            if (phase == LinkPhase.RETIRED) {
                input.fail(new RealtimeException(ErrorCode.CONNECTION_LOST, "the connection to " + settings.app() + " is closed"));
                return;
            }
            window.add(input);
            latestCaller = input.owner().trace();
            pump();
        });
    }

    /**
     * A holder leaves: its inputs still waiting are given up, for this reason if one is given, and the stage completes
     * once they are. Unless the pool keeps the link (shared, or private and left clean, to wait warm), it retires in the
     * same task: inputs not sent yet are never sent, and its socket is closed at once.
     */
    CompletionStage<Void> detach(ConnectionHandle handle, RealtimeException reason) {
        CompletableFuture<Void> detached = new CompletableFuture<>();
        serial.execute(() -> {
            handles.remove(handle);
            window.abandon(handle, reason);
            detached.complete(null);
            if (!pool.keep(this, phase != LinkPhase.RETIRED && window.isEmpty())) {
                retireNow(null);
            }
        });
        return detached;
    }

    /**
     * Closes the link for good, for the pool's idle timers (null: what still waits is given up) or at shutdown (what
     * still waits fails with this); completes once its socket is closed.
     */
    CompletionStage<Void> retire(RealtimeException failWaiting) {
        CompletableFuture<Void> retired = new CompletableFuture<>();
        serial.execute(() -> retireNow(failWaiting).whenComplete((closed, failure) -> retired.complete(null)));
        return retired;
    }

    /** Starts a guarded run when inputs wait and none is under way; sends what may go when a socket is open. */
    void pump() {
        assert serial.inTask() : "link state is serial only";
        if (phase == LinkPhase.IDLE && window.hasUnsent()) {
            moveTo(LinkPhase.WAITING);
            services.guards().run(settings.app(), settings.path(), this::attempt).whenComplete((done, failure) -> serial.execute(() -> runEnded(failure)));
        } else if (phase == LinkPhase.OPEN) {
            session.pump();
        }
    }

    /** One attempt of the guarded run: a socket from open to close, judged by the app's breaker until it proves itself. Any thread. */
    private CompletionStage<Void> attempt() {
        Attempt attempt = Attempt.start();
        serial.execute(() -> {
            if (phase == LinkPhase.RETIRED || !window.hasUnsent()) {
                attempt.succeeded(); // nothing left to send, e.g. the caller gave up while we backed off
                return;
            }
            moveTo(LinkPhase.CONNECTING);
            SocketTrace trace = services.traces().start(latestCaller, settings.app().toString(), settings.keyHash(), socketsOpened + 1);
            connecting = trace;
            services.guards().judge(settings.app(), () -> {
                services.sockets().open(settings, this, trace).subscribe().with(
                        socket -> serial.execute(() -> socketOpened(socket, attempt)),
                        failure -> serial.execute(() -> attemptFailed(RealtimeException.from(failure), attempt)));
                return attempt.proven();
            }).whenComplete((judged, failure) -> {
                if (failure != null) { // the breaker refused the attempt, or its verdict on a failure is in
                    serial.execute(() -> attemptFailed(RealtimeException.from(failure), attempt));
                }
            });
        });
        return attempt.end();
    }

    private void socketOpened(UpstreamSocket socket, Attempt attempt) {
        if (phase == LinkPhase.RETIRED) {
            socket.close();
            attempt.succeeded();
            return;
        }
        SocketTrace trace = connecting;
        connecting = null;
        trace.opened();
        session = new SocketSession(this, socket, ++socketsOpened, attempt, trace);
        moveTo(LinkPhase.OPEN);
        if (socketsOpened > 1) {
            services.metrics().reconnected(settings.app());
        }
        // A private socket's events are DEBUG lines, one of each per invocation: their fields are made only to be written.
        if (Log.isEnabled(settings.eventLevel())) {
            try (LogFields fields = trace.logFields()) {
                Log.logf(settings.eventLevel(), "Connected to %s (connectionKeyHash=%s)", settings.app(), settings.keyForLogs());
            }
        }
        handles.forEach(handle -> handle.notify(RealtimeListener::onOpen));
        pump();
    }

    /** No socket came of the attempt (the token, the upgrade or the breaker said no), unless it has ended already. */
    private void attemptFailed(RealtimeException failure, Attempt attempt) {
        if (attempt.over()) {
            return;
        }
        if (Log.isDebugEnabled()) {
            try (LogFields fields = connecting != null ? connecting.logFields() : callerLogFields()) {
                Log.debugf("Could not connect to %s (connectionKeyHash=%s): %s", settings.app(), settings.keyForLogs(), failure);
            }
        }
        if (phase == LinkPhase.CONNECTING) {
            connecting.failed(failure.code().name());
            connecting = null;
            moveTo(LinkPhase.WAITING);
        }
        if (failure.code() == ErrorCode.RATE_LIMITED) {
            window.pauseFor(pacing.slowDown(failure.retryAfter().orElse(null)));
        }
        attempt.failed(failure);
    }

    /** The guarded run is over: an attempt ended cleanly, or the guard gave up, and then what is waiting fails. */
    private void runEnded(Throwable failure) {
        if (phase == LinkPhase.RETIRED) {
            return;
        }
        moveTo(LinkPhase.IDLE);
        if (failure != null) {
            RealtimeException cause = RealtimeException.from(failure);
            // An app the upstream does not have is the caller's typo, answered with a 404: no reason to warn the operator.
            // The rest (a full bulkhead, a lost upstream) is the gateway's trouble, which comes in floods: warned once in a while.
            try (LogFields fields = callerLogFields()) {
                if (cause.code() == ErrorCode.APP_NOT_FOUND) {
                    Log.infof("Gave up on %s (connectionKeyHash=%s): %s", settings.app(), settings.keyForLogs(), cause);
                } else {
                    GAVE_UP.warn(cause.code(), "Gave up on %s (connectionKeyHash=%s): %s", settings.app(), settings.keyForLogs(), cause);
                }
            }
            window.drain().forEach(input -> input.fail(cause));
        }
        pump();
    }

    @Override
    public void onMessage(UpstreamSocket from, UpstreamMessage message) {
        toSession(from, open -> open.received(message));
    }

    @Override
    public void onClosed(UpstreamSocket from, int code, String reason) {
        toSession(from, open -> open.closed(code, reason));
    }

    /** A socket's event, for its session if it is still the open one; late events of sockets gone are dropped. */
    private void toSession(UpstreamSocket from, Consumer<SocketSession> event) {
        serial.execute(() -> {
            if (phase == LinkPhase.OPEN && session.carries(from)) {
                event.accept(session);
            }
        });
    }

    /** The session's socket ended, and the session has settled its inputs; it tells the guard next. */
    void sessionEnded(SessionVerdict verdict, int code, String reason) {
        session = null;
        moveTo(LinkPhase.WAITING);
        if (verdict instanceof SessionVerdict.RefusedToken) {
            services.sockets().forgetToken(settings);
        }
        handles.forEach(handle -> handle.notify(listener -> listener.onClose(code, reason)));
    }

    /** Completes once its socket, if one was open, is closed. */
    private CompletionStage<Void> retireNow(RealtimeException failWaiting) {
        if (phase == LinkPhase.RETIRED) {
            return CompletableFuture.completedFuture(null);
        }
        SocketSession open = session;
        session = null;
        if (connecting != null) {
            connecting.failed("RETIRED");
            connecting = null;
        }
        moveTo(LinkPhase.RETIRED);
        // The session first, so that its span counts the inputs it leaves unanswered.
        CompletionStage<Void> closed = open != null ? open.abandon() : CompletableFuture.completedFuture(null);
        Consumer<PendingInput> giveUp = failWaiting == null ? input -> input.abandon(null) : input -> input.fail(failWaiting);
        window.drain().forEach(giveUp);
        pool.forget(this);
        if (Log.isEnabled(settings.eventLevel())) {
            try (LogFields fields = callerLogFields()) {
                Log.logf(settings.eventLevel(), "Closed the connection to %s (connectionKeyHash=%s)", settings.app(), settings.keyForLogs());
            }
        }
        return closed;
    }

    /** The fields of a log line about the link as a whole: the trace of its latest caller. */
    private LogFields callerLogFields() {
        return services.traces().logFields(latestCaller, settings.app().toString(), settings.keyHash());
    }

    private void moveTo(LinkPhase next) {
        assert serial.inTask() : "link state is serial only";
        assert phase.mayMoveTo(next) : "no way from " + phase + " to " + next;
        phase = next;
    }

    /** Runs the task on this link's serial executor once the delay has passed. */
    Scheduler.Timer after(long delayNanos, Runnable task) {
        return services.scheduler().schedule(delayNanos, () -> serial.execute(task));
    }
}
