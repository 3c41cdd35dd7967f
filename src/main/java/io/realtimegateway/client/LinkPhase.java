package io.realtimegateway.client;

/**
 * Where an {@link UpstreamLink} is in its life. The link changes phase in one place ({@code moveTo}), which asserts
 * that the step is one of these:
 *
 * <pre>
 *   IDLE ──inputs wait──▶ WAITING ──guard calls an attempt──▶ CONNECTING ──upgrade done──▶ OPEN
 *     ▲                    │  ▲                                  │                          │
 *     └──guarded run over──┘  └──────attempt failed or refused───┘◀─────────socket ended────┘
 *   any phase ──retire──▶ RETIRED (terminal)
 * </pre>
 */
enum LinkPhase {
    /** No socket and no guarded run: the next input starts one. */
    IDLE,
    /** A guarded run without a socket: waiting for a bulkhead slot, backing off before a retry, or winding down. */
    WAITING,
    /** An attempt is opening a socket (token, upgrade). */
    CONNECTING,
    /** A socket is open; the link's {@link SocketSession} holds its life. */
    OPEN,
    /** Closed for good; inputs are refused. */
    RETIRED;

    boolean mayMoveTo(LinkPhase next) {
        if (next == RETIRED) {
            return this != RETIRED;
        }
        return switch (this) {
            case IDLE -> next == WAITING;
            case WAITING -> next == CONNECTING || next == IDLE;
            case CONNECTING -> next == OPEN || next == WAITING;
            case OPEN -> next == WAITING;
            case RETIRED -> false;
        };
    }
}
