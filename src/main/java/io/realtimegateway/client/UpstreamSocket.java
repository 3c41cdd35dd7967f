package io.realtimegateway.client;

import java.util.concurrent.CompletionStage;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.realtimegateway.protocol.UpstreamMessage;

/**
 * One WebSocket to the upstream: one fal session. Its owner decides what its frames and its close mean. Not final:
 * unit tests stand in for the network by overriding {@link #send} and {@link #close}.
 */
class UpstreamSocket {

    private final SocketListener listener;
    private volatile WebSocketClientConnection connection;

    UpstreamSocket(SocketListener listener) {
        this.listener = listener;
    }

    UpstreamSocket attach(WebSocketClientConnection connection) {
        this.connection = connection;
        return this;
    }

    void send(byte[] frame) {
        connection.sendBinary(frame).subscribe().with(ignored -> {
        }, failure -> Log.debugf("A frame could not be written to %s: %s", connection.id(), failure.getMessage()));
    }

    /** Completes once the socket is closed, or closing it failed (then it is gone anyway). */
    CompletionStage<Void> close() {
        return connection.close(CloseReason.NORMAL)
                .onFailure().invoke(failure -> Log.debugf("Closing %s failed: %s", connection.id(), failure.getMessage()))
                .onFailure().recoverWithNull()
                .subscribeAsCompletionStage();
    }

    void received(UpstreamMessage message) {
        listener.onMessage(this, message);
    }

    void closed(int code, String reason) {
        listener.onClosed(this, code, reason);
    }
}
