package io.realtimegateway.proxy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * A stand-in for fal's run hosts on loopback, so the tests see what the proxy sends and how it streams what comes back:
 * it answers every request with what it received, and on a few paths with large, slow or failing answers. The proxy
 * reaches it through {@code gateway.proxy.host-overrides} for {@code fal.run}.
 */
public class EchoUpstream implements QuarkusTestResourceLifecycleManager {

    /** What the last request looked like when it arrived. */
    static final AtomicReference<JsonObject> LAST = new AtomicReference<>();
    /** Completed when a request the echo never answers is given up by the proxy. */
    static volatile CompletableFuture<Void> hungRequestClosed = new CompletableFuture<>();
    static final AtomicInteger REQUESTS = new AtomicInteger();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setCompressionSupported(true))
                .requestHandler(this::answer);
        server.listen().toCompletionStage().toCompletableFuture().join();
        return Map.of("gateway.proxy.host-overrides.\"fal.run\"", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private void answer(HttpServerRequest request) {
        REQUESTS.incrementAndGet();
        String path = request.path();
        if (path.equals("/fal-ai/echo/hang")) {
            request.connection().closeHandler(closed -> hungRequestClosed.complete(null));
            return;
        }
        if (path.startsWith("/fal-ai/echo/bytes/")) {
            stream(request, Long.parseLong(path.substring("/fal-ai/echo/bytes/".length())));
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
            JsonObject seen = new JsonObject().put("method", request.method().name()).put("path", path).put("query", request.query())
                    .put("headers", headers).put("bodyBytes", body.length()).put("body", body.length() <= 1024 ? body.toString() : "");
            LAST.set(seen);
            int status = path.startsWith("/fal-ai/echo/status/") ? Integer.parseInt(path.substring("/fal-ai/echo/status/".length())) : 200;
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .putHeader("x-fal-request-id", "echo-" + REQUESTS.get()).putHeader("X-Upstream", "echo")
                    .putHeader("Keep-Alive", "timeout=5").putHeader("Set-Cookie", "upstream=1")
                    .putHeader("Access-Control-Allow-Origin", "*").end(seen.encode());
        });
    }

    /** {@code size} bytes in 16 KiB chunks, written as the proxy takes them. */
    private void stream(HttpServerRequest request, long size) {
        var response = request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
        Buffer chunk = Buffer.buffer(new byte[16 * 1024]);
        long[] left = { size };
        Runnable[] writeMore = new Runnable[1];
        writeMore[0] = () -> {
            while (left[0] > 0 && !response.writeQueueFull() && !response.closed()) {
                int length = (int) Math.min(chunk.length(), left[0]);
                response.write(chunk.slice(0, length));
                left[0] -= length;
            }
            if (left[0] == 0) {
                response.end();
            } else if (!response.closed()) {
                response.drainHandler(drained -> writeMore[0].run());
            }
        };
        writeMore[0].run();
    }
}
