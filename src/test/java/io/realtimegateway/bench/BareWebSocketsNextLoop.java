package io.realtimegateway.bench;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.BasicWebSocketConnector.ExecutionModel;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.realtimegateway.protocol.Msgpack;

/**
 * The same loop as {@link RawLoop}, over the Quarkus WebSockets Next client the gateway is built on, with nothing of
 * ours around it: what the framework itself costs over bare Vert.x.
 */
final class BareWebSocketsNextLoop implements AutoCloseable {

    private final WebSocketClientConnection connection;
    private volatile CompletableFuture<Object> waiting;

    private BareWebSocketsNextLoop(BasicWebSocketConnector connector, URI upstream, String app, String token) throws Exception {
        this.connection = connector.baseUri(URI.create(upstream + "?fal_jwt_token=" + token + "&max_buffering=2"))
                .path("/" + app + "/realtime")
                .executionModel(ExecutionModel.NON_BLOCKING)
                .onBinaryMessage((c, bytes) -> waiting.complete(Msgpack.decode(bytes.getBytes())))
                .connect().subscribeAsCompletionStage().get(10, TimeUnit.SECONDS);
    }

    static BareWebSocketsNextLoop connect(BasicWebSocketConnector connector, URI upstream, String app, String token) throws Exception {
        return new BareWebSocketsNextLoop(connector, upstream, app, token);
    }

    /** Sends one input; the stage completes with its decoded result. */
    CompletionStage<Object> send(Map<String, Object> input) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        waiting = result;
        connection.sendBinary(Msgpack.encode(input)).subscribe().with(sent -> {
        }, result::completeExceptionally);
        return result;
    }

    @Override
    public void close() {
        connection.closeAndAwait();
    }
}
