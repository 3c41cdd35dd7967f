package io.realtimegateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/** What reaches fal's token endpoint when a page asks the proxy for a real-time token. */
class TokenScopeTest {

    private final TokenScope scope = new TokenScope(Set.of("flux-lora-realtime", "lcm-sd15-i2i")::contains,
            "fal-ai/flux-lora-realtime, fal-ai/lcm-sd15-i2i", 120, 3,
            new ObjectMapper().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature()));

    @Test
    void falsClientRequestPassesUnchanged() {
        assertEquals("{\"allowed_apps\":[\"flux-lora-realtime\"],\"token_expiration\":120}",
                rebuild("{\"allowed_apps\":[\"flux-lora-realtime\"],\"token_expiration\":120}"));
    }

    @Test
    void theBodyIsRebuiltFromItsTwoFieldsOnly() {
        assertEquals("{\"allowed_apps\":[\"lcm-sd15-i2i\",\"flux-lora-realtime\"],\"token_expiration\":30}",
                rebuild("{\"scope\":\"admin\",\"allowed_apps\":[\"lcm-sd15-i2i\",\"flux-lora-realtime\",\"lcm-sd15-i2i\"],"
                        + "\"token_expiration\":30,\"key_id\":\"x\"}"));
    }

    @Test
    void aLongerLifetimeIsCappedAndAMissingOneGetsTheCap() {
        assertEquals("{\"allowed_apps\":[\"flux-lora-realtime\"],\"token_expiration\":120}",
                rebuild("{\"allowed_apps\":[\"flux-lora-realtime\"],\"token_expiration\":86400}"));
        assertEquals("{\"allowed_apps\":[\"flux-lora-realtime\"],\"token_expiration\":120}", rebuild("{\"allowed_apps\":[\"flux-lora-realtime\"]}"));
    }

    @Test
    void anAppOutsideTheAllowListIsNotFound() {
        RealtimeException refused = refused("{\"allowed_apps\":[\"flux-lora-realtime\",\"sdxl-turbo-realtime\"]}");
        assertEquals(ErrorCode.APP_NOT_FOUND, refused.code());
        assertTrue(refused.getMessage().contains("no token for sdxl-turbo-realtime") && refused.getMessage().contains("allowed: fal-ai/flux-lora-realtime"),
                refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "[]", "\"flux-lora-realtime\"", "{}", "{\"allowed_apps\":[]}", "{\"allowed_apps\":\"flux-lora-realtime\"}",
            "{\"allowed_apps\":[7]}", "{\"allowed_apps\":[\"a\",\"b\",\"c\",\"d\"]}", "{\"allowed_apps\":[\"../keys\"]}", "{\"allowed_apps\":[\"Flux\"]}",
            "{\"allowed_apps\":[\"flux-lora-realtime\"],\"token_expiration\":0}", "{\"allowed_apps\":[\"flux-lora-realtime\"],\"token_expiration\":1.5}",
            "{\"allowed_apps\":[\"flux-lora-realtime\"],\"token_expiration\":\"120\"}", "{\"allowed_apps\":[\"flux-lora-realtime\"],\"token_expiration\":1e30}",
            "{\"allowed_apps\":[\"flux-lora-realtime\"],\"allowed_apps\":[\"x\"]}", "{\"allowed_apps\":[\"flux-lora-realtime\"]" })
    void malformedRequestsAreInvalidInput(String body) {
        assertEquals(ErrorCode.INVALID_INPUT, refused(body).code());
    }

    private String rebuild(String body) {
        return scope.rebuild(body.getBytes(StandardCharsets.UTF_8));
    }

    private RealtimeException refused(String body) {
        return assertThrows(RealtimeException.class, () -> rebuild(body));
    }
}
