package io.realtimegateway.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.realtimegateway.protocol.Msgpack;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A hostile upstream: a real server on a real port that quotes back what it was sent, the request line with its
 * token and the key it was asked for a token with, in every text it answers, and says what no sane server says.
 * Apps: {@code fal-ai/echo-error} (an x-fal-error, then a normal close), {@code fal-ai/echo-close} (a 1011 close),
 * {@code fal-ai/echo-output} (a result), {@code fal-ai/cut-upgrade} (the TCP connection cut during the upgrade),
 * {@code fal-ai/rate-limited-silently} (429 on the upgrade, no Retry-After), {@code fal-ai/rate-limited-absurdly}
 * (429 with a Retry-After of three thousand years).
 */
public class HostileUpstream implements QuarkusTestResourceLifecycleManager {

    static final String KEY = "echo-key-id:echo-key-secret-0123456789";
    /** Shaped like none of the patterns: only knowing the exact value masks it. */
    static final String TOKEN = "plainTOKENvalue42";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The gateway pointed at this upstream: one profile, so that every test against it shares one application. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HostileUpstream.class));
        }
    }

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(this::handle);
        try {
            int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
            return Map.of("gateway.upstream.target", "fal", "gateway.upstream.key", KEY,
                    "gateway.upstream.realtime-url", "ws://127.0.0.1:" + port, "gateway.upstream.token-url", "http://127.0.0.1:" + port + "/tokens/",
                    "gateway.resilience.retry.max-retries", "1");
        } catch (Exception e) {
            throw new IllegalStateException("the echoing upstream did not start", e);
        }
    }

    private void handle(HttpServerRequest request) {
        if (request.path().startsWith("/tokens")) {
            request.response().setStatusCode(201).putHeader("Content-Type", "application/json").end("\"" + TOKEN + "\"");
            return;
        }
        String requestLine = "GET " + request.uri() + " HTTP/1.1 (Authorization: Key " + KEY + ")";
        if (request.path().startsWith("/fal-ai/cut-upgrade/")) {
            request.connection().close();
            return;
        }
        if (request.path().startsWith("/fal-ai/rate-limited-silently/")) {
            request.response().setStatusCode(429).end();
            return;
        }
        if (request.path().startsWith("/fal-ai/rate-limited-absurdly/")) {
            request.response().setStatusCode(429).putHeader("Retry-After", "99999999999").end();
            return;
        }
        request.toWebSocket().onSuccess(socket -> socket.binaryMessageHandler(input -> {
            if (request.path().startsWith("/fal-ai/echo-error/")) {
                socket.writeTextMessage(json(Map.of("type", "x-fal-error", "error", "INTERNAL_ERROR", "reason", "cannot parse " + requestLine)));
                socket.close((short) 1000);
            } else if (request.path().startsWith("/fal-ai/echo-close/")) {
                socket.close((short) 1011, "refused token " + TOKEN);
            } else {
                Map<?, ?> decoded = (Map<?, ?>) Msgpack.decode(input.getBytes());
                socket.writeBinaryMessage(Buffer.buffer(Msgpack.encode(Map.of("seed", decoded.get("seed"), "echo", requestLine,
                        "images", java.util.List.of(Map.of("url", "https://cdn.example/x.png?fal_jwt_token=" + TOKEN + "&w=64"))))));
            }
        }));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        vertx.close();
    }
}
