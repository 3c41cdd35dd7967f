package io.realtimegateway;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile that only changes configuration: a subclass names its keys and values in its constructor, e.g.
 * {@code super("gateway.client.idle-timeout", "300ms")}. Quarkus starts the application once per profile class.
 */
public abstract class ConfigOverrides implements QuarkusTestProfile {

    private final Map<String, String> overrides = new HashMap<>();

    protected ConfigOverrides(String... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            overrides.put(keysAndValues[i], keysAndValues[i + 1]);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return overrides;
    }
}
