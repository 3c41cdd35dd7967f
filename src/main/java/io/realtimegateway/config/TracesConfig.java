package io.realtimegateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Traces while no OTLP endpoint is set (README "Operating"). */
@ConfigMapping(prefix = "gateway.traces")
public interface TracesConfig {

    /**
     * Whether spans are recorded although {@code quarkus.otel.exporter.otlp.endpoint} is unset: for a span exporter
     * bean of the application's own (the tests' in-memory one). Off: without an endpoint spans still get their ids,
     * which the logs and the caller's trace carry on, but record nothing, so tracing costs next to nothing.
     */
    @WithDefault("false")
    boolean recordWithoutEndpoint();
}
