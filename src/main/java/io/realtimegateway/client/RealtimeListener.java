package io.realtimegateway.client;

import java.util.Map;

import io.realtimegateway.protocol.RealtimeException;

/**
 * Callbacks of a real-time connection, as in fal's clients. They run one at a time and in order for all the
 * connections that share a socket, never two at once, on whichever thread is driving that socket's connection at the
 * moment: mostly the socket's I/O thread (a Vert.x event loop), sometimes a Vert.x timer's, the thread that opened the
 * socket, or the caller's own thread inside {@code send} or {@code close}. The stages {@code send} returns complete in
 * the same place, so actions chained on them without an executor run there too. Return quickly and never block in
 * them; calling {@code send} from one is safe (it runs right after the callback returns).
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
