package io.realtimegateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.realtimegateway.protocol.UpstreamMessage.FalError;

/** Every classification rule of the protocol package's documentation ("Frames"), in order, on both frame kinds. */
class FrameCodecTest {

    @Test
    void rule1_unauthorizedStatusIsTheTokenBeingRefused() {
        assertInstanceOf(UpstreamMessage.Unauthorized.class, FrameCodec.decodeText("{\"status\":\"error\",\"error\":\"Unauthorized\"}"));
    }

    @Test
    void rule1_otherErrorStatusesAreNotUnauthorized() {
        assertInstanceOf(UpstreamMessage.Result.class, FrameCodec.decodeText("{\"status\":\"error\",\"error\":\"Other\"}"));
    }

    @Test
    void rule2_falErrorsKeepErrorAndReason() {
        FalError error = assertInstanceOf(FalError.class,
                FrameCodec.decodeText("{\"type\":\"x-fal-error\",\"error\":\"INTERNAL_ERROR\",\"reason\":\"CUDA out of memory\"}"));
        assertEquals("INTERNAL_ERROR", error.error());
        assertEquals("CUDA out of memory", error.reason());
        assertEquals(ErrorCode.UPSTREAM_ERROR, error.code());
        assertFalse(error.isIdleTimeout());
    }

    @Test
    void rule2_aValidationReasonMeansInvalidInput() {
        FalError error = new FalError("INTERNAL_ERROR", "1 validation error for Input\nprompt\n  Field required [type=missing]");
        assertEquals(ErrorCode.INVALID_INPUT, error.code());
        assertEquals(ErrorCode.INVALID_INPUT, new FalError("INTERNAL_ERROR", "2 validation errors for Input\n...").code());
    }

    @Test
    void rule2_theIdleNoticeIsNotAFailureOfAnyInput() {
        FalError error = assertInstanceOf(FalError.class,
                FrameCodec.decodeText("{\"type\":\"x-fal-error\",\"error\":\"TIMEOUT\",\"reason\":\"no inputs, reconnect when needed!\"}"));
        assertTrue(error.isIdleTimeout());
    }

    @Test
    void rule2_rateLimitsAreRateLimited() {
        FalError error = new FalError("RATE_LIMITED", "slow down");
        assertTrue(error.isRateLimit());
        assertEquals(ErrorCode.RATE_LIMITED, error.code());
    }

    @Test
    void rule2_aFalErrorWithoutErrorFieldStillClassifies() {
        FalError error = assertInstanceOf(FalError.class, FrameCodec.decodeText("{\"type\":\"x-fal-error\"}"));
        assertEquals("UNKNOWN_ERROR", error.error());
        assertEquals(ErrorCode.UPSTREAM_ERROR, error.code());
    }

    @Test
    void rule3_falMessagesAreInformationNeverResults() {
        UpstreamMessage.Info info = assertInstanceOf(UpstreamMessage.Info.class,
                FrameCodec.decodeText("{\"type\":\"x-fal-message\",\"action\":\"timings\",\"timing\":0.12}"));
        assertEquals("timings", info.action());
    }

    @Test
    void rule4_anythingElseIsAResult_fromMsgpack() {
        byte[] frame = Msgpack.encode(Map.of("images", List.of(Map.of("url", "data:,")), "seed", 7));
        UpstreamMessage.Result result = assertInstanceOf(UpstreamMessage.Result.class, FrameCodec.decodeBinary(frame));
        assertEquals(7L, result.output().get("seed"));
    }

    @Test
    void rule4_anythingElseIsAResult_fromJsonText() {
        UpstreamMessage.Result result = assertInstanceOf(UpstreamMessage.Result.class, FrameCodec.decodeText("{\"seed\":7}"));
        assertEquals(7, result.output().get("seed"));
    }

    @Test
    void falErrorsArriveAsMsgpackToo() {
        byte[] frame = Msgpack.encode(Map.of("type", "x-fal-error", "error", "TIMEOUT", "reason", "idle"));
        assertTrue(assertInstanceOf(FalError.class, FrameCodec.decodeBinary(frame)).isIdleTimeout());
    }

    @Test
    void nonObjectsAndGarbageAreMalformed() {
        assertInstanceOf(UpstreamMessage.Malformed.class, FrameCodec.decodeText("[1,2]"));
        assertInstanceOf(UpstreamMessage.Malformed.class, FrameCodec.decodeText("not json"));
        assertInstanceOf(UpstreamMessage.Malformed.class, FrameCodec.decodeBinary(new byte[] { (byte) 0xc1, 0x00 }));
        assertInstanceOf(UpstreamMessage.Malformed.class, FrameCodec.decodeBinary(Msgpack.encode("text")));
    }

    @Test
    void inputsAreEncodedAsMsgpackMaps() {
        assertEquals(Map.of("prompt", "fox"), Msgpack.decode(FrameCodec.encodeInput(Map.of("prompt", "fox"))));
    }
}
