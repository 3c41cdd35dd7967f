package io.realtimegateway.client;

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

    void close() {
        connection.close(CloseReason.NORMAL).subscribe().with(ignored -> {
        }, failure -> Log.debugf("Closing %s failed: %s", connection.id(), failure.getMessage()));
    }

    void received(UpstreamMessage message) {
        listener.onMessage(this, message);
    }

    void closed(int code, String reason) {
        listener.onClosed(this, code, reason);
    }
}
