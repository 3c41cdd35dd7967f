package io.realtimegateway.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.realtimegateway.config.UpstreamConfig.Target;

class UpstreamModeTest {

    @Test
    void withoutAKeyAutoMeansTheEmbeddedUpstream() {
        UpstreamMode mode = new UpstreamMode(config(Target.AUTO, null));
        assertTrue(mode.embedded());
        assertDoesNotThrow(() -> mode.requireKeyForFal(null));
    }

    @Test
    void withAKeyAutoMeansFal() {
        assertFalse(new UpstreamMode(config(Target.AUTO, "id:secret")).embedded());
    }

    @Test
    void falWithoutAKeyRefusesToStartAndSaysWhatToSet() {
        UpstreamMode mode = new UpstreamMode(config(Target.FAL, null));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> mode.requireKeyForFal(null));
        assertEquals("gateway.upstream.target is fal (GATEWAY_UPSTREAM_TARGET) but no fal key is configured: set FAL_KEY, "
                + "or FAL_KEY_ID and FAL_KEY_SECRET", refused.getMessage());
        assertDoesNotThrow(() -> new UpstreamMode(config(Target.FAL, "id:secret")).requireKeyForFal(null));
    }

    private static UpstreamConfig config(Target target, String key) {
        return new UpstreamConfig() {
            @Override
            public Target target() {
                return target;
            }

            @Override
            public URI realtimeUrl() {
                return URI.create("wss://fal.run");
            }

            @Override
            public URI tokenUrl() {
                return URI.create("https://example.invalid/tokens/");
            }

            @Override
            public Optional<String> key() {
                return Optional.ofNullable(key);
            }

            @Override
            public Optional<String> keyId() {
                return Optional.empty();
            }

            @Override
            public Optional<String> keySecret() {
                return Optional.empty();
            }

            @Override
            public Duration tokenExpiration() {
                return Duration.ofSeconds(120);
            }
        };
    }
}
