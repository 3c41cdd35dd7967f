package io.realtimegateway.telemetry;

/**
 * The span of one upstream socket: its attempt to open (token, upgrade), its life (each input sent on it, how often
 * that input has been sent), and why it ended. Called on its connection's serial executor, but for
 * {@link #tokenReady}, which comes from wherever the token came from.
 */
public interface SocketTrace {

    /** Traces nothing, and adds no log fields. */
    SocketTrace OFF = new SocketTrace() {
        @Override
        public void tokenReady() {
        }

        @Override
        public void opened() {
        }

        @Override
        public void sent(int sends, TraceParent holder) {
        }

        @Override
        public void failed(String code) {
        }

        @Override
        public void ended(SocketEnd end) {
        }

        @Override
        public LogFields logFields() {
            return LogFields.none();
        }
    };

    /** How a socket that opened ended, and what it carried. */
    record SocketEnd(String verdict, int closeCode, int sent, int resent, int answered, int unanswered) {
    }

    /** The token for the upgrade is in hand (fetched, or from the cache). */
    void tokenReady();

    /** The upgrade succeeded: the fal session is open. */
    void opened();

    /**
     * An input went out on the socket.
     *
     * @param sends how often it has been sent, this time included: more than 1 is a resend after a lost socket or
     *        while a culprit is isolated
     * @param holder the trace of the caller whose input it is; a caller other than the one the socket was opened for
     *        has the socket noted in its own trace
     */
    void sent(int sends, TraceParent holder);

    /** No socket came of the attempt (the token, the upgrade or the breaker said no); the span ends. */
    void failed(String code);

    /** The open socket ended; the span ends. */
    void ended(SocketEnd end);

    /** The fields of this socket's log lines: its trace and span ids, the app, the key's hash. */
    LogFields logFields();
}
