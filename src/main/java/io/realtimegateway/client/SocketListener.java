package io.realtimegateway.client;

import io.realtimegateway.protocol.UpstreamMessage;

/** What a socket reports to its owner, from the socket's I/O thread. */
interface SocketListener {

    void onMessage(UpstreamSocket socket, UpstreamMessage message);

    void onClosed(UpstreamSocket socket, int code, String reason);
}
