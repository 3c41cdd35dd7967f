package io.realtimegateway.client;

import io.realtimegateway.telemetry.SocketTrace;
import io.smallrye.mutiny.Uni;

/** Where a link's sockets come from: {@link SocketOpener} in production, a fake upstream in unit tests. */
interface UpstreamSockets {

    /**
     * A new socket for these settings, its frames and close reported to the listener, its token to the trace; fails
     * with a {@code RealtimeException}.
     */
    Uni<UpstreamSocket> open(LinkSettings settings, SocketListener listener, SocketTrace trace);

    /** Forgets the app's token, after the upstream refused it. */
    void forgetToken(LinkSettings settings);
}
