package io.realtimegateway.proxy;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The proxy as a page-facing deployment would set it up: three allowed apps, one extra origin, a 60 s token cap,
 * small byte budgets and deadline so the tests can reach them, and fal.run answered by {@link EchoUpstream}.
 */
public class ProxyTestProfile implements QuarkusTestProfile {

    static final String ALLOWED_ORIGIN = "https://app.example";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.apps.allowed", "fal-ai/flux-lora-realtime,fal-ai/lcm-sd15-i2i,fal-ai/echo",
                "gateway.proxy.allowed-origins", ALLOWED_ORIGIN,
                "gateway.proxy.tokens.max-expiration", "60s",
                "gateway.proxy.tokens.rate-limit.per-client", "1000",
                "gateway.proxy.max-body-size", "64K",
                "gateway.proxy.max-response-size", "256K",
                "gateway.proxy.timeout", "2s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EchoUpstream.class));
    }
}
