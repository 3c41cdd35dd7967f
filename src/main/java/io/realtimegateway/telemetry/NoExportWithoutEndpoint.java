package io.realtimegateway.telemetry;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Traces are made everywhere (their ids are in the logs, and a caller's trace goes on through the gateway) but
 * exported only where an OTLP endpoint is configured. Quarkus's OTLP exporter otherwise sends to
 * {@code localhost:4317} (its default endpoint, which application.properties unsets) and logs a warning for every
 * batch nobody receives. A span exporter bean takes its place while {@code quarkus.otel.exporter.otlp.endpoint} is
 * unset, and drops the spans; once the endpoint is set this bean is not looked up and Quarkus's exporter sends them
 * there.
 */
@ApplicationScoped
public class NoExportWithoutEndpoint {

    // Only Quarkus's tracing looks it up, so nothing injects it: it must not be removed as unused.
    @Produces
    @Singleton
    @Unremovable
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = "", lookupIfMissing = true)
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
