package io.realtimegateway.protocol;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

/**
 * What went wrong on the network, in words a caller can act on: never the exception's own message, which names hosts,
 * ports and addresses of the gateway's side that callers can do nothing about (operators find them in the logs).
 */
public final class NetworkFailure {

    private NetworkFailure() {
    }

    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            if (cause instanceof TimeoutException || type.contains("timeout")) {
                return "it did not answer in time";
            }
            if (cause instanceof UnknownHostException) {
                return "its host name did not resolve";
            }
            if (cause instanceof NoRouteToHostException) {
                return "there is no route to it";
            }
            if (cause instanceof ConnectException) {
                return "it refused the connection";
            }
            if (cause instanceof SSLException) {
                return "the TLS handshake failed";
            }
            if (type.contains("handshake")) {
                return "the WebSocket handshake failed";
            }
            if (cause instanceof ClosedChannelException || type.contains("closed")) {
                return "the connection closed early";
            }
        }
        return "a network error (" + failure.getClass().getSimpleName() + ")";
    }
}
