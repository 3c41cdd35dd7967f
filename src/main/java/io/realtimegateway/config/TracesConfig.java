package io.realtimegateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Traces while no OTLP endpoint is set (README "Operating"). Read where beans are chosen ({@code @LookupIfProperty} in
 * telemetry/TracesWithoutEndpoint), before any configuration object exists; declared here so that the key is known,
 * documented and checked at start-up.
 */
@ConfigMapping(prefix = "gateway.traces")
public interface TracesConfig {

    String RECORD_WITHOUT_ENDPOINT = "gateway.traces.record-without-endpoint";

    /**
     * Whether spans are recorded although no OTLP endpoint is set, as {@code quarkus.otel.traces.sampler} says: for a
     * span exporter bean of the application's own (the tests' in-memory one). Off: without an endpoint spans still get
     * their ids, which the logs and the caller's trace carry on, but record nothing, so tracing costs next to nothing.
     */
    @WithDefault("false")
    boolean recordWithoutEndpoint();
}
