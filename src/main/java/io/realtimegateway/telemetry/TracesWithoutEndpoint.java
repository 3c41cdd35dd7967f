package io.realtimegateway.telemetry;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.realtimegateway.config.TracesConfig;

/**
 * What tracing does while no OTLP endpoint is set ({@code quarkus.otel.exporter.otlp.endpoint}, or its traces-only
 * form {@code quarkus.otel.exporter.otlp.traces.endpoint}): spans are made everywhere (their ids are in the logs, and
 * a caller's trace id goes on through the gateway) but record nothing and go nowhere. Once an endpoint is set neither
 * bean here is looked up, and Quarkus's sampler ({@code quarkus.otel.traces.sampler}) and OTLP exporter take over.
 * <p>
 * Recording spans with nowhere to send them would only be waste: every span keeping its attributes and events, a
 * batch processor queueing it, an exporter dropping it. The benchmark's TracingCostIT measures both ways against
 * tracing off and against a second identical process.
 */
@ApplicationScoped
public class TracesWithoutEndpoint {

    private static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    private static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";

    // Only Quarkus's tracing looks these up, so nothing injects them: they must not be removed as unused.

    /**
     * Records nothing: a non-recording span still has a trace id (the caller's, when it sent one) and a span id of
     * its own, and Quarkus's log fields and ours carry them. Its sampled flag is off, and so is that of the
     * {@code traceparent} the gateway sends on (the token requests). With {@code gateway.traces.record-without-endpoint}
     * this is not looked up either, and Quarkus's configured sampler records.
     */
    @Produces
    @Singleton
    @Unremovable
    @LookupIfProperty(name = ENDPOINT, stringValue = "", lookupIfMissing = true)
    @LookupIfProperty(name = TRACES_ENDPOINT, stringValue = "", lookupIfMissing = true)
    @LookupIfProperty(name = TracesConfig.RECORD_WITHOUT_ENDPOINT, stringValue = "false", lookupIfMissing = true)
    Sampler recordNothing() {
        return Sampler.alwaysOff();
    }

    /**
     * Drops what is recorded (only with {@code gateway.traces.record-without-endpoint}). Quarkus's OTLP exporter
     * would otherwise send to {@code localhost:4317} (its default endpoint, which application.properties unsets) and
     * log a warning for every batch nobody receives.
     */
    @Produces
    @Singleton
    @Unremovable
    @LookupIfProperty(name = ENDPOINT, stringValue = "", lookupIfMissing = true)
    @LookupIfProperty(name = TRACES_ENDPOINT, stringValue = "", lookupIfMissing = true)
    SpanExporter dropSpans() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
