package io.realtimegateway.simulator;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.realtimegateway.protocol.FrameCodec;
import io.realtimegateway.protocol.Msgpack;
import io.realtimegateway.protocol.UpstreamMessage;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * A bare WebSocket client that speaks fal's wire protocol the way fal's own clients do (msgpack frames out,
 * every frame in recorded), to check the simulator without the gateway's client in between.
 */
final class RawFalClient implements AutoCloseable {

    final List<UpstreamMessage> received = new CopyOnWriteArrayList<>();
    final CompletableFuture<Short> closed = new CompletableFuture<>();
    private final WebSocketClient client;
    private final WebSocket socket;

    private RawFalClient(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(text -> received.add(FrameCodec.decodeText(text)));
        socket.binaryMessageHandler(bytes -> received.add(FrameCodec.decodeBinary(bytes.getBytes())));
        socket.closeHandler(ignored -> closed.complete(socket.closeStatusCode()));
    }

    /** Connects to {@code {base}{pathAndQuery}}; fails with the upgrade's rejection when there is one. */
    static RawFalClient connect(Vertx vertx, URI base, String pathAndQuery) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort()).setURI(pathAndQuery);
        // Handlers go on in the connect callback, before the server's first frame is read: that holds only when the
        // connect starts on an event loop, which then runs the callback straight after the upgrade.
        CompletableFuture<RawFalClient> connected = new CompletableFuture<>();
        vertx.runOnContext(ignored -> client.connect(options).map(socket -> new RawFalClient(client, socket))
                .onSuccess(connected::complete).onFailure(connected::completeExceptionally));
        return connected.get(10, TimeUnit.SECONDS);
    }

    void send(Map<String, ?> input) {
        socket.writeBinaryMessage(Buffer.buffer(Msgpack.encode(input)));
    }

    void sendText(String text) {
        socket.writeTextMessage(text);
    }

    void sendRaw(byte[] bytes) {
        socket.writeBinaryMessage(Buffer.buffer(bytes));
    }

    List<Map<String, Object>> results() {
        return received.stream().filter(UpstreamMessage.Result.class::isInstance).map(m -> ((UpstreamMessage.Result) m).output()).toList();
    }

    @Override
    public void close() {
        socket.close();
        client.close();
    }
}
