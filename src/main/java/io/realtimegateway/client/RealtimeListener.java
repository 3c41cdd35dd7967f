package io.realtimegateway.client;

import java.util.Map;

import io.realtimegateway.protocol.RealtimeException;

/**
 * Callbacks of a real-time connection, as in fal's clients. They run on the connection's I/O thread:
 * return quickly and never block in them.
 */
@FunctionalInterface
public interface RealtimeListener {

    /** A result, for one input sent through this connection. */
    void onResult(Map<String, Object> result);

    /** An input got no result ({@link InputFailedException}), or the connection failed; {@code error.code()} says why. */
    default void onError(RealtimeException error) {
    }

    /** A socket to the upstream opened (again, after an idle or error close). */
    default void onOpen() {
    }

    /** The socket closed; the connection reopens it on the next send. */
    default void onClose(int code, String reason) {
    }
}
