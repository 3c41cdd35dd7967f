package io.realtimegateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SmallProtocolPartsTest {

    @Test
    void tokenResponsesInEveryFormFalClientsAccept() {
        assertEquals("abc", TokenResponse.parse("\"abc\""));
        assertEquals("abc", TokenResponse.parse("{\"token\":\"abc\"}"));
        assertEquals("abc", TokenResponse.parse("{\"detail\":\"abc\"}"));
        assertEquals(ErrorCode.UPSTREAM_ERROR, assertThrows(RealtimeException.class, () -> TokenResponse.parse("{\"x\":1}")).code());
        assertEquals(ErrorCode.UPSTREAM_ERROR, assertThrows(RealtimeException.class, () -> TokenResponse.parse("<html>")).code());
    }

    @Test
    void theTokenRequestAllowsTheAliasOnly() {
        assertEquals(Map.of("allowed_apps", List.of("flux-lora-realtime"), "token_expiration", 120),
                parse(TokenResponse.requestBody(AppId.parse("fal-ai/flux-lora-realtime"), 120)));
    }

    @Test
    void rawImageBytesBecomeDataUris() {
        Map<String, Object> output = Map.of("images", List.of(Map.of("content", new byte[] { 1, 2, 3 }, "content_type", "image/jpeg", "width", 1)));
        Map<?, ?> image = (Map<?, ?>) ((List<?>) OutputImages.inlineContent(output).get("images")).get(0);
        assertEquals("data:image/jpeg;base64,AQID", image.get("url"));
        assertEquals(null, image.get("content"));
        assertEquals(1, image.get("width"));
    }

    @Test
    void outputsWithUrlsAreLeftAlone() {
        Map<String, Object> output = Map.of("images", List.of(Map.of("url", "https://cdn/x.png")));
        assertSame(output, OutputImages.inlineContent(output));
    }

    @Test
    void boundsNameTheFieldAndTheRange() {
        assertEquals("timeoutMs must be between 1 and 300000 ms (inclusive); got 0",
                assertThrows(RealtimeException.class, () -> Bounds.check("timeoutMs", 0, 1, 300000, " ms")).getMessage());
    }

    private static Object parse(String json) {
        return FrameCodec.decodeText(json) instanceof UpstreamMessage.Result result ? result.output() : null;
    }
}
