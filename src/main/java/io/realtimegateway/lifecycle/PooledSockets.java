package io.realtimegateway.lifecycle;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.realtimegateway.client.RealtimeClient;

/**
 * The client's warm and shared upstream sockets, closed when nothing will use them again: at shutdown, once the
 * drain is over (Quarkus fires its shutdown event after the requests in flight have finished, or
 * {@code quarkus.shutdown.timeout} has passed), and before a SnapStart snapshot. Each close is awaited, so the
 * upstream sees a clean close rather than a socket cut when the process exits or is frozen.
 */
@ApplicationScoped
public class PooledSockets {

    /** A close handshake the upstream does not answer ends on Vert.x's own closing timeout (10 s); we wait no longer. */
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final RealtimeClient client;

    PooledSockets(RealtimeClient client) {
        this.client = client;
    }

    void lastInvocationDone(@Observes ShutdownEvent event) {
        close("the last invocation is done");
    }

    /** Closes every socket nobody holds and waits until they are closed. */
    void close(String why) {
        int open = client.openConnections();
        try {
            client.closeIdleConnections().toCompletableFuture().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            Log.infof("Closed %d idle upstream sockets (%d still held): %s", open - client.openConnections(), client.openConnections(), why);
        } catch (TimeoutException e) {
            Log.warnf("Upstream sockets still closing after %d s (%s); going on", CLOSE_WAIT_SECONDS, why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Log.warnf("Closing the idle upstream sockets failed (%s): %s", why, e.toString());
        }
    }
}
