package io.realtimegateway.api;

import java.util.Set;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * A request its caller abandoned before any route template matched it (a reset, typically mid-upload) is counted under
 * {@code uri="UNKNOWN"}, like every refusal on such a path ({@code suppress4xx-errors}): Quarkus tags resets with
 * the raw path, and a hundred junk paths would use up {@code max-uri-tags} for good. Micrometer maps an id through
 * every filter before any filter accepts it, so Quarkus's uri-limit filter only ever sees the mapped value.
 */
@Singleton
class AbandonedRequestTags implements MeterFilter {

    private static final Tag UNKNOWN = Tag.of("uri", "UNKNOWN");
    /** Paths routed without a template: their resets keep their own tag. */
    private static final Set<String> FIXED_ROUTES = Set.of(EdgeRoutes.FUNCTION, "root");

    @Override
    public Meter.Id map(Meter.Id id) {
        String uri = id.getTag("uri");
        if (!"http.server.requests".equals(id.getName()) || !"RESET".equals(id.getTag("status")) || uri == null || uri.contains("{")
                || FIXED_ROUTES.contains(uri)) {
            return id;
        }
        return id.replaceTags(id.getTags().stream().map(tag -> tag.getKey().equals("uri") ? UNKNOWN : tag).toList());
    }
}
