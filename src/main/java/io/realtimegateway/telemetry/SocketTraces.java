package io.realtimegateway.telemetry;

/**
 * What the real-time client tells traces about its upstream sockets, through types of this package only, so that the
 * client stays free of OpenTelemetry: {@link OpenTelemetrySocketTraces} in the application, {@link #OFF} in unit tests.
 */
public interface SocketTraces {

    /** Traces nothing. */
    SocketTraces OFF = new SocketTraces() {
        @Override
        public TraceParent current() {
            return TraceParent.NONE;
        }

        @Override
        public SocketTrace start(TraceParent parent, String app, String connectionKeyHash, int number) {
            return SocketTrace.OFF;
        }

        @Override
        public LogFields logFields(TraceParent parent, String app, String connectionKeyHash) {
            return LogFields.none();
        }
    };

    /** The trace the calling thread works for now. */
    TraceParent current();

    /**
     * A socket's span begins, as a child of the caller's trace: from the attempt to open it (token, upgrade) to its
     * close.
     *
     * @param connectionKeyHash null for a private connection
     * @param number 1 for its connection's first socket, 2 for the next (a reconnect), ...
     */
    SocketTrace start(TraceParent parent, String app, String connectionKeyHash, int number);

    /** The fields of a connection's log lines that belong to no socket (it gave up, it closed): the caller's trace ids. */
    LogFields logFields(TraceParent parent, String app, String connectionKeyHash);
}
