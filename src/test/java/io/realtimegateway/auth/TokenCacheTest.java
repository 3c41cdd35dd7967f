package io.realtimegateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.realtimegateway.protocol.AppId;
import io.smallrye.mutiny.Uni;

class TokenCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> fetched = new ArrayList<>();
    private final TokenCache cache = new TokenCache(app -> {
        fetched.add(app.alias());
        return Uni.createFrom().item(new TokenEndpoint.IssuedToken("token-" + fetched.size(), Duration.ofSeconds(100)));
    }, 3, now::get);

    @Test
    void aTokenIsReusedUntilNinetyPercentOfItsLifetime() {
        String first = token("fal-ai/flux-lora-realtime");
        now.addAndGet(Duration.ofSeconds(89).toNanos());
        assertEquals(first, token("fal-ai/flux-lora-realtime"));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertNotEquals(first, token("fal-ai/flux-lora-realtime"));
    }

    @Test
    void pastTheCapacityTheTokensNoLongerUsableGoFirst() {
        token("fal-ai/old");
        now.addAndGet(Duration.ofSeconds(95).toNanos());
        String real = token("fal-ai/flux-lora-realtime");
        token("fal-ai/nope-0");
        token("fal-ai/nope-1");

        assertEquals(3, cache.size());
        assertEquals(real, token("fal-ai/flux-lora-realtime"), "still cached: the expired token went instead");
    }

    @Test
    void nothingGrowsPastTheCapacity() {
        for (int i = 0; i < 20; i++) {
            now.incrementAndGet();
            token("fal-ai/nope-" + i);
        }
        assertEquals(3, cache.size());
        int fetches = fetched.size();
        token("fal-ai/nope-19");
        assertEquals(fetches, fetched.size(), "the newest are the ones kept");
    }

    @Test
    void aForgottenTokenIsFetchedAgain() {
        token("fal-ai/nope");
        cache.invalidate(AppId.parse("fal-ai/nope"));
        token("fal-ai/nope");
        assertEquals(List.of("nope", "nope"), fetched);
    }

    private String token(String app) {
        return cache.token(AppId.parse(app)).await().indefinitely();
    }
}
