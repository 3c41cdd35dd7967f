package io.realtimegateway.resilience;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.realtimegateway.config.ResilienceConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The resilience beans the client's unit tests need, built without a container, on the configuration's own defaults. */
public final class ResilienceParts {

    private ResilienceParts() {
    }

    /** Pacing learned from rate limits: doubling up to {@code max-throttle}, halving back every {@code decay}. */
    public static AdaptiveThrottle adaptiveThrottle() {
        ResilienceConfig config = defaults(ResilienceConfig.class);
        return new AdaptiveThrottle(config, roster(config));
    }

    public static ResilienceMetrics metrics() {
        return new ResilienceMetrics(new SimpleMeterRegistry(), roster(defaults(ResilienceConfig.class)));
    }

    /** The apps with books of their own: the catalog's, then up to {@code max-apps} the upstream accepted (no allow-list). */
    private static AppRoster roster(ResilienceConfig config) {
        return new AppRoster(List.of(), config.maxApps());
    }

    /** A configuration mapping with its documented defaults and these overrides (keys and values, in turn). */
    public static <T> T defaults(Class<T> mapping, String... overrides) {
        // Quarkus's own converters, so that durations and sizes read as in application.properties ("10s", "16K").
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(mapping).withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter());
        for (int i = 0; i < overrides.length; i += 2) {
            builder.withDefaultValue(overrides[i], overrides[i + 1]);
        }
        SmallRyeConfig config = builder.build();
        return config.getConfigMapping(mapping);
    }
}
