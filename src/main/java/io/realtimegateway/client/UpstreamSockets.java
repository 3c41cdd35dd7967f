package io.realtimegateway.client;

import io.smallrye.mutiny.Uni;

/** Where a link's sockets come from: {@link SocketOpener} in production, a fake upstream in unit tests. */
interface UpstreamSockets {

    /** A new socket for these settings, its frames and close reported to the listener; fails with a {@code RealtimeException}. */
    Uni<UpstreamSocket> open(LinkSettings settings, SocketListener listener);

    /** Forgets the app's token, after the upstream refused it. */
    void forgetToken(LinkSettings settings);
}
