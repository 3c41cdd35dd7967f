package io.realtimegateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.realtimegateway.config.ProxyConfig;
import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.smallrye.config.WithDefault;

/** What {@code x-fal-target-url} may name, and which of those the default allow-list lets through. */
class ProxyTargetTest {

    /** The defaults of {@code gateway.proxy.allowed-targets}, read from {@link ProxyConfig} itself. */
    private static final AllowedTargets DEFAULTS = new AllowedTargets(defaults());

    @ParameterizedTest
    @ValueSource(strings = { "https://fal.run/fal-ai/fast-sdxl", "https://queue.fal.run/fal-ai/flux/dev",
            "https://queue.fal.run/fal-ai/flux/requests/abc-123/status?logs=1", "https://rest.fal.ai/tokens/",
            "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3", "https://FAL.RUN:443/fal-ai/fast-sdxl",
            "https://rest.fal.ai/storage/upload/initiate-multipart?storage_type=fal-cdn-v3" })
    void whatFalsClientCallsIsAllowedByDefault(String url) {
        DEFAULTS.check(ProxyTarget.parse(url));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://evil.example/fal-ai/x", "https://fal.run.evil.example/fal-ai/x", "https://rest.fal.ai/keys",
            "https://rest.fal.ai/tokens", "https://rest.fal.ai/storage/upload/initiate?storage_type=other", "https://fal.run:8443/fal-ai/x",
            "https://api.fal.ai/v1/models", "https://rest.fal.ai/tokens/?x=1" })
    void anythingElseIsRefusedNamingWhatIsAllowed(String url) {
        RealtimeException refused = assertThrows(RealtimeException.class, () -> DEFAULTS.check(ProxyTarget.parse(url)));
        assertEquals(ErrorCode.INVALID_INPUT, refused.code());
        assertTrue(refused.getMessage().contains("allowed targets (https only): fal.run/**, queue.fal.run/**"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "http://fal.run/fal-ai/x", "ws://fal.run/fal-ai/x", "fal.run/fal-ai/x", "https://user:pw@fal.run/fal-ai/x",
            "https://fal.run/fal-ai/x#top", "https://fal.run/fal-ai/../keys", "https://fal.run/fal-ai/./x", "https://fal.run//fal-ai/x",
            "https://fal.run/fal-ai%2Fx/y", "https://fal.run/%2e%2e/x", "https://fal.run/fal ai/x", "https:///fal-ai/x" })
    void targetsThatAreNotPlainHttpsUrlsAreRefusedBeforeAnyPatternIsConsulted(String url) {
        RealtimeException refused = assertThrows(RealtimeException.class, () -> ProxyTarget.parse(url));
        assertEquals(ErrorCode.INVALID_INPUT, refused.code());
        assertTrue(refused.getMessage().contains("x-fal-target-url"), refused.getMessage());
    }

    @Test
    void aTargetLongerThanTheLimitIsRefused() {
        assertThrows(RealtimeException.class, () -> ProxyTarget.parse("https://fal.run/fal-ai/x?q=" + "a".repeat(ProxyTarget.MAX_LENGTH)));
    }

    @Test
    void theTokenEndpointIsRecognisedHoweverItsPathIsSpelled() {
        assertTrue(ProxyTarget.parse("https://rest.fal.ai/tokens/").isTokenRequest());
        assertTrue(ProxyTarget.parse("https://rest.fal.ai/tokens").isTokenRequest());
        assertTrue(ProxyTarget.parse("https://rest.fal.ai/Tokens/?a=b").isTokenRequest());
        assertFalse(ProxyTarget.parse("https://rest.fal.ai/tokens/abc").isTokenRequest());
        assertFalse(ProxyTarget.parse("https://fal.run/tokens/").isTokenRequest());
    }

    @Test
    void callsToFalsRunHostsNameTheirApp() {
        assertEquals(Optional.of(AppId.parse("fal-ai/flux")), ProxyTarget.parse("https://queue.fal.run/fal-ai/flux/requests/1/status").app());
        assertEquals(Optional.of(AppId.parse("fal-ai/fast-sdxl")), ProxyTarget.parse("https://fal.run/fal-ai/fast-sdxl").app());
        assertEquals(Optional.empty(), ProxyTarget.parse("https://rest.fal.ai/tokens/").app());
        assertEquals(ErrorCode.INVALID_INPUT, assertThrows(RealtimeException.class, () -> ProxyTarget.parse("https://fal.run/").app()).code());
        assertEquals(ErrorCode.INVALID_INPUT,
                assertThrows(RealtimeException.class, () -> ProxyTarget.parse("https://fal.run/Evil.Com/x").app()).code());
    }

    @Test
    void patternsMatchOneSegmentWithAStarAndAnyDepthWithTwo() {
        AllowedTargets targets = new AllowedTargets(List.of("fal.run/fal-ai/*", "queue.fal.run/fal-ai/flux/**"));
        targets.check(ProxyTarget.parse("https://fal.run/fal-ai/fast-sdxl"));
        targets.check(ProxyTarget.parse("https://queue.fal.run/fal-ai/flux/requests/1/status?logs=1"));
        assertThrows(RealtimeException.class, () -> targets.check(ProxyTarget.parse("https://fal.run/fal-ai/fast-sdxl/sub")));
        assertThrows(RealtimeException.class, () -> targets.check(ProxyTarget.parse("https://fal.run/fal-ai/x?y=1")));
        assertThrows(RealtimeException.class, () -> targets.check(ProxyTarget.parse("https://queue.fal.run/fal-ai/fluxx")));
    }

    private static List<String> defaults() {
        try {
            return List.of(ProxyConfig.class.getMethod("allowedTargets").getAnnotation(WithDefault.class).value().split(","));
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "**", "*/**", "*.fal.run/**", "https://fal.run/**", "fal.run", "/fal-ai/**" })
    void patternsMustNameTheirHostLiterally(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> new AllowedTargets(List.of(pattern)));
    }
}
