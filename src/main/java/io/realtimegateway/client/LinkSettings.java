package io.realtimegateway.client;

import org.jboss.logging.Logger;

import io.realtimegateway.protocol.AppId;
import io.realtimegateway.telemetry.ConnectionKeyHash;

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

    /** The key's hash, or "private": a caller's key may name a person, so logs never show it. */
    String keyForLogs() {
        return shared() ? keyHash() : "private";
    }

    /** The key's hash for traces and log fields; null for a private connection. */
    String keyHash() {
        return ConnectionKeyHash.of(connectionKey);
    }
}
