package io.realtimegateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppIdTest {

    @Test
    void ownerAndAliasAreSplit() {
        AppId app = AppId.parse("fal-ai/flux-lora-realtime");
        assertEquals("fal-ai", app.owner());
        assertEquals("flux-lora-realtime", app.alias());
        assertEquals("", app.subPath());
        assertEquals("fal-ai/flux-lora-realtime", app.id());
    }

    @Test
    void aSubPathIsKeptButIsNotPartOfTheId() {
        AppId app = AppId.parse("fal-ai/flux-pro/v1.1");
        assertEquals("fal-ai/flux-pro", app.id());
        assertEquals("v1.1", app.subPath());
        assertEquals("fal-ai/flux-pro/v1.1", app.toString());
    }

    @Test
    void legacyIdsMeanOwnerSlashAlias() {
        AppId app = AppId.parse("1234-my-app");
        assertEquals("1234", app.owner());
        assertEquals("my-app", app.alias());
    }

    @ParameterizedTest
    @ValueSource(strings = { "fal-ai/../x", "../fal-ai/x", "fal-ai/x/../../y", "evil.com/x", "a@b/c", "fal-ai%2Fx", "fal-ai/x%2F..",
            "fal-ai/x:8080", "http://evil.com/x", "//evil.com/x", "fal-ai//x", "fal-ai/", "/x", "", " ", "fal-ai", "FAL-AI/x",
            "fal-ai/x?y=1", "fal-ai/x#y", "fal-ai/x y", "fal-ai/x\n", "fal-ai/x\\y", "fal-ai/.", "fal-ai/x/..", "fal-ai/x/./y",
            "fal-ai/flux-lora-realtime.", "fal-ai/.flux-lora-realtime", "fal-ai/flux-pro/v1.1." })
    void hostileOrMalformedIdsAreInvalidInput(String id) {
        RealtimeException failure = assertThrows(RealtimeException.class, () -> AppId.parse(id));
        assertEquals(ErrorCode.INVALID_INPUT, failure.code());
    }

    @Test
    void messagesNameTheCharactersTheSegmentTakes() {
        assertEquals("app id owner 'a@b' may only contain lowercase letters, digits, '-' and '_'",
                assertThrows(RealtimeException.class, () -> AppId.parse("a@b/c")).getMessage());
        assertEquals("app id alias 'x@y' may only contain lowercase letters, digits, '-', '_' and '.'",
                assertThrows(RealtimeException.class, () -> AppId.parse("fal-ai/x@y")).getMessage());
    }

    @Test
    void aTrailingDotIsNotAnotherApp() {
        assertEquals("app id alias 'flux-lora-realtime.' may not start or end with '.'",
                assertThrows(RealtimeException.class, () -> AppId.parse("fal-ai/flux-lora-realtime.")).getMessage());
    }

    @Test
    void overLongSegmentsAreRefused() {
        String longAlias = "a".repeat(AppId.MAX_SEGMENT_LENGTH + 1);
        RealtimeException failure = assertThrows(RealtimeException.class, () -> AppId.parse("fal-ai/" + longAlias));
        assertEquals(ErrorCode.INVALID_INPUT, failure.code());
        assertEquals("app id alias is longer than 64 characters", failure.getMessage());
    }

    @Test
    void segmentsGivenSeparatelyCannotSmuggleASlash() {
        assertThrows(RealtimeException.class, () -> new AppId("fal-ai", "x/../../y", ""));
    }

    @Test
    void errorMessagesEchoHostileInputWithoutControlCharacters() {
        RealtimeException failure = assertThrows(RealtimeException.class, () -> AppId.parse("fal-ai/x\u0000\u001b[31m"));
        assertEquals(-1, failure.getMessage().indexOf('\u001b'));
    }
}
