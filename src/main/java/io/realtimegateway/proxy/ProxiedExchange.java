package io.realtimegateway.proxy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import io.quarkus.logging.Log;
import io.realtimegateway.config.ProxyConfig;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.NetworkFailure;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.Redaction;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;

/**
 * One forwarded call: the caller's request sent to the upstream, the upstream's answer streamed back within its byte
 * budget, all within the call's deadline; when the caller goes away, the upstream request is reset. Every field is
 * touched only on the event loop of the caller's connection (the HTTP client runs its callbacks there too).
 */
final class ProxiedExchange {

    /** Response headers that describe one hop, or that the proxy sets itself, never copied from the upstream. */
    private static final Set<String> NOT_COPIED = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
            "trailer", "trailers", "transfer-encoding", "upgrade", "content-length", "content-encoding", "set-cookie", "vary");

    private enum Phase {
        /** Connecting, sending the body, waiting for the upstream's status line. */
        AWAITING_ANSWER,
        /** The upstream's answer is being streamed to the caller: its status is sent, refusals can only cut the connection. */
        STREAMING,
        FINISHED
    }

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final Optional<String> corsOrigin;
    private final Vertx vertx;
    private final HttpClient http;
    private final ProxyConfig limits;
    private final ProxyAnswers answers;
    private final Runnable release;
    private Phase phase = Phase.AWAITING_ANSWER;
    /** Null until the connection to the upstream is open. */
    private HttpClientRequest upstream;
    private long deadline;

    ProxiedExchange(HttpServerRequest request, Optional<String> corsOrigin, Vertx vertx, HttpClient http, ProxyConfig limits,
            ProxyAnswers answers, Runnable release) {
        this.request = request;
        this.response = request.response();
        this.corsOrigin = corsOrigin;
        this.vertx = vertx;
        this.http = http;
        this.limits = limits;
        this.answers = answers;
        this.release = release;
    }

    /** @param body what to send, or null for none */
    void start(RequestOptions options, Buffer body) {
        deadline = vertx.setTimer(limits.timeout().toMillis(), id -> timedOut());
        response.closeHandler(closed -> callerWentAway());
        http.request(options).onComplete(connected -> {
            if (connected.failed()) {
                refuse(502, networkFailure("could not be reached", connected.cause()));
                return;
            }
            if (phase == Phase.FINISHED) {
                connected.result().reset();
                return;
            }
            upstream = connected.result();
            upstream.response().onComplete(answered -> {
                if (answered.succeeded()) {
                    stream(answered.result());
                } else {
                    upstreamFailed(answered.cause());
                }
            });
            send(body);
        });
    }

    private void send(Buffer body) {
        if (body == null) {
            upstream.end();
        } else {
            upstream.end(body);
        }
    }

    private void stream(HttpClientResponse answer) {
        if (phase != Phase.AWAITING_ANSWER) {
            return;
        }
        phase = Phase.STREAMING;
        response.setStatusCode(answer.statusCode());
        StringJoiner exposed = new StringJoiner(", ");
        answer.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_COPIED.contains(name) && !name.startsWith("access-control-")) {
                response.headers().add(header.getKey(), header.getValue());
                exposed.add(name);
            }
        });
        answer.headers().getAll("Vary").forEach(vary -> response.headers().add("Vary", vary));
        ProxyAnswers.allowOrigin(response, corsOrigin, exposed.toString());
        response.setChunked(true);
        BoundedPump.copy(answer, response, limits.maxResponseSize().asLongValue(), new BoundedPump.Outcome() {
            public void ended() {
                response.end();
                finish();
            }

            public void overflowed() {
                Log.debugf("Proxy: an answer was cut off at %d bytes (gateway.proxy.max-response-size)", limits.maxResponseSize().asLongValue());
                cut();
            }

            public void failed(Throwable failure) {
                cut();
            }
        });
    }

    private void upstreamFailed(Throwable failure) {
        if (phase == Phase.AWAITING_ANSWER) {
            refuse(502, networkFailure("connection failed", failure));
        }
    }

    /** What happened, in words the caller can act on; the failure's own text names hosts and ports, for the operator's log. */
    private static RealtimeException networkFailure(String what, Throwable failure) {
        Log.debugf("Proxy: the upstream %s: %s", what, Redaction.text(String.valueOf(failure.getMessage())));
        return new RealtimeException(ErrorCode.CONNECTION_LOST, "the upstream " + what + ": " + NetworkFailure.describe(failure), failure);
    }

    private void timedOut() {
        if (phase == Phase.AWAITING_ANSWER) {
            HttpClientRequest abandoned = upstream;
            refuse(504, new RealtimeException(ErrorCode.TIMEOUT,
                    "the upstream did not answer within " + limits.timeout().toSeconds() + " s (gateway.proxy.timeout)"));
            if (abandoned != null) {
                abandoned.reset(); // after the answer: its failure callback must find the exchange finished
            }
        } else if (phase == Phase.STREAMING) {
            cut();
        }
    }

    private void callerWentAway() {
        if (phase != Phase.FINISHED && upstream != null) {
            upstream.reset();
        }
        finish();
    }

    /** Ends both sides without a proper end: a truncated answer must never look complete. */
    private void cut() {
        if (upstream != null) {
            upstream.reset();
        }
        response.reset();
        finish();
    }

    private void refuse(int status, RealtimeException failure) {
        if (phase == Phase.FINISHED) {
            return;
        }
        Log.debugf("Proxy: %s answered %d %s", request.method(), status, failure.code());
        answers.refuse(response, corsOrigin, status, failure);
        finish();
    }

    private void finish() {
        if (phase == Phase.FINISHED) {
            return;
        }
        phase = Phase.FINISHED;
        vertx.cancelTimer(deadline);
        release.run();
    }
}
