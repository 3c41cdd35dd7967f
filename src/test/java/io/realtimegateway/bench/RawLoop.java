package io.realtimegateway.bench;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.realtimegateway.protocol.Msgpack;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * The physical limit: a minimal Vert.x WebSocket client that msgpack-encodes an input, sends it, waits for its
 * result, decodes it, and repeats (see {@link AsyncLoop}). No pacing, no correlation, no recovery.
 */
final class RawLoop implements AutoCloseable {

    private final WebSocketClient client;
    private final WebSocket socket;
    private volatile CompletableFuture<Object> waiting;

    private RawLoop(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
    }

    static RawLoop connect(Vertx vertx, URI upstream, String app, String token) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(upstream.getHost()).setPort(upstream.getPort())
                .setURI("/" + app + "/realtime?fal_jwt_token=" + token + "&max_buffering=2");
        return client.connect(options).map(socket -> {
            RawLoop loop = new RawLoop(client, socket);
            socket.binaryMessageHandler(bytes -> loop.waiting.complete(Msgpack.decode(bytes.getBytes())));
            return loop;
        }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Sends one input; the stage completes with its decoded result, on the socket's event loop. */
    CompletionStage<Object> send(Map<String, Object> input) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        waiting = result;
        socket.writeBinaryMessage(Buffer.buffer(Msgpack.encode(input)));
        return result;
    }

    @Override
    public void close() {
        socket.close();
        client.close();
    }
}
