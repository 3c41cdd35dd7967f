package io.realtimegateway.telemetry;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/** Base of the {@code @QuarkusTest}s that read the spans of a trace a caller named: the tests' exporter, emptied before each. */
public abstract class TracedTest {

    /** AWS's example X-Ray header, and the W3C trace and parent span it names. */
    protected static final String XRAY_HEADER = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    protected static final String XRAY_TRACE = "5759e988bd862e3fe1be46a994272793";
    protected static final String XRAY_PARENT = "53995c3f42cd8ad8";

    @Inject
    protected InMemorySpanExporter spans;

    /** The cases of a class may name the same trace. */
    @BeforeEach
    void forgetEarlierSpans() {
        spans.reset();
    }

    protected FinishedSpans trace(String traceId) {
        return new FinishedSpans(spans, traceId);
    }
}
