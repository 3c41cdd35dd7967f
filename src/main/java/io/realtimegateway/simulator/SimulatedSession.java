package io.realtimegateway.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.config.SimulatorConfig.ResultFormat;
import io.realtimegateway.protocol.Msgpack;
import io.realtimegateway.protocol.RealtimeApp;
import io.realtimegateway.protocol.Violation;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * One real-time session, behaving as fal's server does (the {@code protocol} package's "Buffering" and "Session
 * life"): no greeting; inputs validated on arrival; a bounded queue that silently drops its oldest input when full;
 * one input run at a time, first in first out; an invalid input ends the session with {@code INTERNAL_ERROR} and a
 * normal close; with no input for the session timeout it drains its queue, sends the {@code TIMEOUT} notice and
 * closes. It also plays the faults its settings say. Everything runs on the socket's event loop.
 */
final class SimulatedSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A queued input, or the refusal of one that came too fast (it keeps the input's FIFO place). */
    private record Work(Map<String, Object> input) {
        boolean refused() {
            return input == null;
        }
    }

    private static final Work REFUSAL = new Work(null);
    private static final byte[] MALFORMED = { (byte) 0xc1 };

    private final ServerWebSocket socket;
    private final Runnable cutConnection;
    private final RealtimeApp app;
    private final int maxBuffering;
    private final Simulator.Services services;
    private final ArrayDeque<Work> queue = new ArrayDeque<>();
    private int resultsSent;
    private long lastAcceptedNanos = Long.MIN_VALUE / 2;
    private boolean running;
    private boolean idle;
    private boolean ended;
    private long idleTimer = -1;

    /** @param cutConnection closes the TCP connection without a WebSocket close frame */
    SimulatedSession(ServerWebSocket socket, Runnable cutConnection, RealtimeApp app, int maxBuffering, Simulator.Services services) {
        this.socket = socket;
        this.cutConnection = cutConnection;
        this.app = app;
        this.maxBuffering = maxBuffering;
        this.services = services;
    }

    void start() {
        socket.binaryMessageHandler(this::inputArrived);
        socket.textMessageHandler(text -> end("INTERNAL_ERROR", "expected a binary msgpack frame, got a text frame"));
        socket.exceptionHandler(failure -> {
            // Callers vanish mid-frame; the close handler below cleans up.
        });
        socket.closeHandler(closed -> {
            services.stats().disconnected(app.id());
            ended = true;
            vertx().cancelTimer(idleTimer);
        });
        armIdleTimer();
    }

    @SuppressWarnings("unchecked")
    private void inputArrived(Buffer frame) {
        if (ended) {
            return;
        }
        services.stats().received(app.id());
        Object decoded;
        try {
            decoded = Msgpack.decode(frame.getBytes());
        } catch (IllegalArgumentException e) {
            end("INTERNAL_ERROR", "could not decode the input: " + e.getMessage());
            return;
        }
        if (!(decoded instanceof Map<?, ?> input)) {
            end("INTERNAL_ERROR", "1 validation error for Input\n__root__\n  value is not a valid dict");
            return;
        }
        List<Violation> violations = app.validate((Map<String, ?>) input);
        if (!violations.isEmpty()) {
            end("INTERNAL_ERROR", pydanticText(violations));
            return;
        }
        if (queue.size() >= maxBuffering) {
            queue.pollFirst();
            services.stats().droppedOne(app.id());
        }
        queue.addLast(tooSoon() ? REFUSAL : new Work((Map<String, Object>) input));
        idle = false;
        armIdleTimer();
        runNext();
    }

    private void runNext() {
        if (running || ended) {
            return;
        }
        Work next = queue.pollFirst();
        if (next == null) {
            if (idle) {
                end("TIMEOUT", "no inputs, reconnect when needed!");
            }
            return;
        }
        SimulatorSettings now = settings();
        if (next.refused()) {
            socket.writeTextMessage(json(Map.of("type", "x-fal-error", "error", "RATE_LIMITED", "reason",
                    "too many inputs: at most one per " + now.rateLimitMinInterval().toMillis() + " ms")));
            runNext();
            return;
        }
        running = true;
        if (faultsApply(now) && now.silentAfter(resultsSent)) {
            return; // accepted, and never answered
        }
        Duration inference = services.model().inference(app, next.input(), now.latency());
        after(inference, () -> {
            if (!ended) {
                deliver(services.model().run(app, next.input(), inference));
                running = false;
                runNext();
            }
        });
    }

    private void deliver(Map<String, Object> output) {
        SimulatorSettings now = settings();
        if (faultsApply(now) && now.dropBeforeResult(resultsSent)) {
            drop(now);
            return;
        }
        resultsSent++;
        if (faultsApply(now) && now.malformed(resultsSent)) {
            socket.writeBinaryMessage(Buffer.buffer(MALFORMED));
        } else if (now.resultFormat() == ResultFormat.JSON) {
            socket.writeTextMessage(json(output));
        } else {
            socket.writeBinaryMessage(Buffer.buffer(Msgpack.encode(output)));
        }
    }

    /** Whether this input breaks the rate limit fault: it then gets RATE_LIMITED in its FIFO place. */
    private boolean tooSoon() {
        long nowNanos = System.nanoTime();
        SimulatorSettings now = settings();
        if (faultsApply(now) && nowNanos - lastAcceptedNanos < now.rateLimitMinInterval().toNanos()) {
            return true;
        }
        lastAcceptedNanos = nowNanos;
        return false;
    }

    private void drop(SimulatorSettings now) {
        ended = true;
        vertx().cancelTimer(idleTimer);
        if (now.dropCloseCode() == 0) {
            cutConnection.run();
        } else {
            socket.close((short) now.dropCloseCode());
        }
    }

    private boolean faultsApply(SimulatorSettings now) {
        return now.appliesTo(app.id());
    }

    /** One snapshot per decision: a change made meanwhile applies from the next one. */
    private SimulatorSettings settings() {
        return services.settings().get();
    }

    private void armIdleTimer() {
        vertx().cancelTimer(idleTimer);
        idleTimer = vertx().setTimer(Math.max(1, settings().sessionTimeout().toMillis()), id -> {
            idle = true;
            runNext();
        });
    }

    /** fal ends a session with an x-fal-error as JSON text, then a normal close; waiting inputs get nothing. */
    private void end(String error, String reason) {
        if (ended) {
            return;
        }
        ended = true;
        vertx().cancelTimer(idleTimer);
        socket.writeTextMessage(json(Map.of("type", "x-fal-error", "error", error, "reason", reason)));
        socket.close((short) 1000);
    }

    private void after(Duration delay, Runnable task) {
        if (delay.isZero()) {
            vertx().runOnContext(ignored -> task.run());
        } else {
            vertx().setTimer(Math.max(1, delay.toMillis()), id -> task.run());
        }
    }

    private Vertx vertx() {
        return services.vertx();
    }

    /** The shape of pydantic's message, which is what fal's apps put in the reason. */
    private static String pydanticText(List<Violation> violations) {
        return violations.size() + " validation error" + (violations.size() == 1 ? "" : "s") + " for Input\n"
                + violations.stream().map(v -> v.field() + "\n  " + v.problem()).collect(Collectors.joining("\n"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
