package io.realtimegateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.realtimegateway.client.SessionVerdict.Heard;
import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.UpstreamMessage.FalError;

/** Every verdict on a closed session, in plain JUnit: the protocol's "Session life" table, row by row. */
class SessionVerdictTest {

    private static final AppId APP = AppId.parse("fal-ai/flux-lora-realtime");
    private static final FalError VALIDATION = new FalError("INTERNAL_ERROR", "1 validation error for Input\nprompt\n  field required");
    private static final FalError MODEL_FAILURE = new FalError("INTERNAL_ERROR", "CUDA out of memory");

    @Test
    void aRefusedTokenFailsEverythingAndIsNoLostConnection() {
        SessionVerdict verdict = SessionVerdict.of(Heard.NOTHING.sessionError(VALIDATION).tokenRefused(), 1000, 2, 0);
        SessionVerdict.RefusedToken refused = assertInstanceOf(SessionVerdict.RefusedToken.class, verdict);
        assertFalse(verdict.failsAttempt());
        assertEquals(ErrorCode.UNAUTHORIZED, refused.failure(APP).code());
        assertEquals("the upstream refused the token for fal-ai/flux-lora-realtime", refused.failure(APP).getMessage());
    }

    @Test
    void anErrorCloseWithOneInputInFlightBlamesThatInputWithTheUpstreamsReason() {
        SessionVerdict verdict = SessionVerdict.of(Heard.NOTHING.sessionError(VALIDATION), 1000, 1, 0);
        SessionVerdict.BlameOne blamed = assertInstanceOf(SessionVerdict.BlameOne.class, verdict);
        assertFalse(verdict.failsAttempt());
        assertEquals(ErrorCode.INVALID_INPUT, blamed.failure().code(), "a validation text is the caller's input");
        assertEquals("the upstream rejected the input: INTERNAL_ERROR: 1 validation error for Input\nprompt\n  field required",
                blamed.failure().getMessage());
        assertEquals(ErrorCode.UPSTREAM_ERROR,
                ((SessionVerdict.BlameOne) SessionVerdict.of(Heard.NOTHING.sessionError(MODEL_FAILURE), 1000, 1, 3)).failure().code());
    }

    @Test
    void anErrorCloseWithTwoInputsInFlightIsolatesTheCulprit() {
        SessionVerdict verdict = SessionVerdict.of(Heard.NOTHING.sessionError(VALIDATION), 1000, 2, 0);
        assertInstanceOf(SessionVerdict.Isolate.class, verdict);
        assertFalse(verdict.failsAttempt(), "the upstream is fine: reconnect at once");
    }

    @Test
    void anErrorCloseWithTheWholeWindowInFlightIsolatesTooAfterAnswersOrNot() {
        assertInstanceOf(SessionVerdict.Isolate.class, SessionVerdict.of(Heard.NOTHING.sessionError(MODEL_FAILURE), 1000, 60, 0));
        assertInstanceOf(SessionVerdict.Isolate.class, SessionVerdict.of(Heard.NOTHING.sessionError(MODEL_FAILURE), 1000, 60, 12));
    }

    @Test
    void anErrorCloseWithNothingInFlightBlamesNobody() {
        assertInstanceOf(SessionVerdict.Resend.class, SessionVerdict.of(Heard.NOTHING.sessionError(VALIDATION), 1000, 0, 0));
    }

    @Test
    void theIdleNoticeResendsWhatRacedTheCloseAndFailsNothing() {
        SessionVerdict verdict = SessionVerdict.of(Heard.NOTHING.idleNoticed(), 1000, 2, 5);
        assertInstanceOf(SessionVerdict.Resend.class, verdict);
        assertFalse(verdict.failsAttempt());
        assertInstanceOf(SessionVerdict.Resend.class, SessionVerdict.of(Heard.NOTHING.idleNoticed(), 1006, 1, 0),
                "after the notice, whatever the close code");
    }

    @Test
    void ourOwnCloseResends() {
        assertInstanceOf(SessionVerdict.Resend.class, SessionVerdict.of(Heard.NOTHING.closedOurselves(), 1000, 1, 0));
    }

    @Test
    void aNormalCloseWithNothingWaitingIsClean() {
        SessionVerdict verdict = SessionVerdict.of(Heard.NOTHING, 1000, 0, 0);
        assertInstanceOf(SessionVerdict.Resend.class, verdict);
        assertFalse(verdict.failsAttempt());
    }

    @Test
    void aNormalCloseWithInputsWaitingAndNoErrorIsALostConnection() {
        SessionVerdict verdict = SessionVerdict.of(Heard.NOTHING, 1000, 2, 0);
        SessionVerdict.Lost lost = assertInstanceOf(SessionVerdict.Lost.class, verdict);
        assertTrue(verdict.failsAttempt(), "lost before any answer: back off, and the breaker counts it");
        assertEquals(ErrorCode.CONNECTION_LOST, lost.failure(APP).code());
        assertEquals("the upstream connection to fal-ai/flux-lora-realtime was lost (close code 1000) with 2 inputs unanswered",
                lost.failure(APP).getMessage());
    }

    @Test
    void anyOtherCloseCodeIsALostConnectionEvenWithNothingWaiting() {
        assertInstanceOf(SessionVerdict.Lost.class, SessionVerdict.of(Heard.NOTHING, 1011, 0, 0));
        assertInstanceOf(SessionVerdict.Lost.class, SessionVerdict.of(Heard.NOTHING, 1006, 1, 0));
        assertInstanceOf(SessionVerdict.Lost.class, SessionVerdict.of(Heard.NOTHING.sessionError(VALIDATION), 1011, 0, 0));
    }

    @Test
    void aConnectionLostAfterAnswersIsAFlakyNetworkNotAFailedAttempt() {
        SessionVerdict verdict = SessionVerdict.of(Heard.NOTHING, 1006, 2, 1);
        assertInstanceOf(SessionVerdict.Lost.class, verdict);
        assertFalse(verdict.failsAttempt(), "reconnect at once with a fresh retry budget");
    }

    @Test
    void logsNameTheVerdictButNeverTheUpstreamsReason() {
        FalError echoing = new FalError("INTERNAL_ERROR", "bad input near fal_jwt_token=secret");
        String logged = SessionVerdict.of(Heard.NOTHING.sessionError(echoing), 1000, 1, 0).forLogs();
        assertEquals("BlameOne after INTERNAL_ERROR", logged);
        assertEquals("Isolate", SessionVerdict.of(Heard.NOTHING.sessionError(echoing), 1000, 2, 0).forLogs());
    }
}
