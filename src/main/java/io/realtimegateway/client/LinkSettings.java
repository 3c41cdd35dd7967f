package io.realtimegateway.client;

import io.realtimegateway.protocol.AppId;

/**
 * What identifies a connection: sockets opened with equal settings are interchangeable, so keyed
 * connections are shared by these.
 *
 * @param path the endpoint path, or null for the app's default
 * @param connectionKey null for a private connection
 */
record LinkSettings(AppId app, String path, int maxBuffering, String connectionKey) {

    boolean shared() {
        return connectionKey != null;
    }
}
