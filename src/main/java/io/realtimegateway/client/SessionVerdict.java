package io.realtimegateway.client;

import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.UpstreamMessage.FalError;

/**
 * What a closed socket session means for the inputs it left unanswered, and for the attempt that opened it: the
 * {@code protocol} package's "Session life" as code. Pure: {@link #of} decides, the link acts.
 */
sealed interface SessionVerdict {

    /** What the upstream said, or we did, on a socket before it closed. Immutable; a session keeps the latest. */
    record Heard(boolean refusedToken, FalError error, boolean idleNotice, boolean closedByUs) {

        static final Heard NOTHING = new Heard(false, null, false, false);

        /** {@code {"status":"error","error":"Unauthorized"}}: the token was refused. */
        Heard tokenRefused() {
            return new Heard(true, error, idleNotice, closedByUs);
        }

        /** An {@code x-fal-error} that ends the session (not the idle notice, not a rate limit). */
        Heard sessionError(FalError error) {
            return new Heard(refusedToken, error, idleNotice, closedByUs);
        }

        /** fal's idle notice: no input for a while, the session closes; no input failed. */
        Heard idleNoticed() {
            return new Heard(refusedToken, error, true, closedByUs);
        }

        /** We closed the socket ourselves (a silent upstream). */
        Heard closedOurselves() {
            return new Heard(refusedToken, error, idleNotice, true);
        }
    }

    /** Whether the attempt counts as failed: the guard backs off before the next socket, and the breaker counts it. */
    default boolean failsAttempt() {
        return false;
    }

    /** A word for the logs; never the upstream's reason, which may quote what it was sent. */
    default String forLogs() {
        return getClass().getSimpleName();
    }

    /**
     * @param heard what the session heard before it closed
     * @param closeCode the socket's close code
     * @param unanswered how many inputs it left unanswered, those given up by their callers included
     * @param answered how many results it delivered
     */
    static SessionVerdict of(Heard heard, int closeCode, int unanswered, int answered) {
        if (heard.refusedToken()) {
            return new RefusedToken();
        }
        if (heard.error() != null && unanswered == 1) {
            return new BlameOne(heard.error());
        }
        if (heard.error() != null && unanswered > 1) {
            return new Isolate();
        }
        if (heard.closedByUs() || heard.idleNotice() || (closeCode == 1000 && unanswered == 0)) {
            return new Resend();
        }
        return new Lost(closeCode, unanswered, answered > 0);
    }

    /** The token was refused: nothing waiting on the link can succeed with it; a new one is fetched next time. */
    record RefusedToken() implements SessionVerdict {

        RealtimeException failure(AppId app) {
            return new RealtimeException(ErrorCode.UNAUTHORIZED, "the upstream refused the token for " + app);
        }
    }

    /** fal ended the session over an input, and only one was in flight: that one is to blame. */
    record BlameOne(FalError error) implements SessionVerdict {

        @Override
        public String forLogs() {
            return "BlameOne after " + error.error();
        }

        RealtimeException failure() {
            return new RealtimeException(error.code(), "the upstream rejected the input: " + error.describe());
        }
    }

    /** fal ended the session over one of several in flight: resend them one at a time until it recurs. */
    record Isolate() implements SessionVerdict {
    }

    /** No input is at fault (an idle close racing the last sends, our own close, a clean close): resend what was caught. */
    record Resend() implements SessionVerdict {
    }

    /**
     * The connection was lost: what was in flight goes out again on the next socket. After answers that is a flaky
     * network, reconnected at once; before any, the attempt failed.
     */
    record Lost(int closeCode, int unanswered, boolean answeredBefore) implements SessionVerdict {

        @Override
        public boolean failsAttempt() {
            return !answeredBefore;
        }

        RealtimeException failure(AppId app) {
            return new RealtimeException(ErrorCode.CONNECTION_LOST, "the upstream connection to " + app + " was lost (close code "
                    + closeCode + ") with " + unanswered + " inputs unanswered");
        }
    }
}
