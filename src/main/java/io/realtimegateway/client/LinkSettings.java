package io.realtimegateway.client;

import org.jboss.logging.Logger;

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

    /** Keyed connections are few and long-lived: their events go to INFO; private ones, one per invocation, to DEBUG. */
    Logger.Level eventLevel() {
        return shared() ? Logger.Level.INFO : Logger.Level.DEBUG;
    }

    /** The key, or "private": never more of a caller's request. */
    String keyForLogs() {
        return shared() ? connectionKey : "private";
    }
}
