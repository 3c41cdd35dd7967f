package io.realtimegateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RealtimeUrlTest {

    private static final URI FAL = URI.create("wss://fal.run");

    @Test
    void defaultPathTokenAndBuffering() {
        URI url = RealtimeUrl.of(FAL, AppId.parse("fal-ai/flux-lora-realtime"), null, "abc.DEF-_~1", 2);
        assertEquals("wss://fal.run/fal-ai/flux-lora-realtime/realtime?fal_jwt_token=abc.DEF-_~1&max_buffering=2", url.toString());
    }

    @Test
    void bufferingIsLeftOutWhenNotGiven() {
        URI url = RealtimeUrl.of(FAL, AppId.parse("fal-ai/x"), null, "t", null);
        assertEquals("wss://fal.run/fal-ai/x/realtime?fal_jwt_token=t", url.toString());
    }

    @Test
    void anExplicitPathReplacesTheDefault() {
        URI url = RealtimeUrl.of(FAL, AppId.parse("fal-ai/x"), "/ws/v2", "t", null);
        assertEquals("/fal-ai/x/ws/v2", url.getPath());
    }

    @Test
    void anIdThatAlreadyEndsInTheRealtimePathIsNotDoubled() {
        URI url = RealtimeUrl.of(FAL, AppId.parse("fal-ai/x/realtime"), null, "t", null);
        assertEquals("/fal-ai/x/realtime", url.getPath());
    }

    @Test
    void aBasePathPrefixAndPortAreKept() {
        URI url = RealtimeUrl.of(URI.create("ws://127.0.0.1:8090/proxy/"), AppId.parse("fal-ai/x"), null, "t", 1);
        assertEquals("ws://127.0.0.1:8090/proxy/fal-ai/x/realtime?fal_jwt_token=t&max_buffering=1", url.toString());
    }

    @Test
    void theHostAlwaysComesFromTheBaseUrl() {
        URI url = RealtimeUrl.of(FAL, AppId.parse("fal-ai/x"), "/realtime", "t", null);
        assertEquals("fal.run", url.getHost());
    }

    @ParameterizedTest
    @ValueSource(strings = { "realtime", "/", "/../x", "/a/../b", "/a/.", "//x", "/a b", "/a?b", "/a%2Fb", "/a#b", "/a@b" })
    void pathsThatCouldEscapeAreRefused(String path) {
        RealtimeException failure = assertThrows(RealtimeException.class, () -> RealtimeUrl.checkPath(path));
        assertEquals(ErrorCode.INVALID_INPUT, failure.code());
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 61, -1 })
    void maxBufferingOutside1To60IsRefused(int maxBuffering) {
        RealtimeException failure = assertThrows(RealtimeException.class, () -> RealtimeUrl.checkMaxBuffering(maxBuffering));
        assertEquals("maxBuffering must be between 1 and 60 (inclusive); got " + maxBuffering, failure.getMessage());
    }

    @Test
    void aTokenThatWouldNeedEscapingIsRefused() {
        RealtimeException failure = assertThrows(RealtimeException.class,
                () -> RealtimeUrl.of(FAL, AppId.parse("fal-ai/x"), null, "a&max_buffering=60", null));
        assertEquals(ErrorCode.UPSTREAM_ERROR, failure.code());
    }
}
