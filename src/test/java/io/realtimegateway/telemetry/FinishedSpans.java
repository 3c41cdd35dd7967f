package io.realtimegateway.telemetry;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/** The spans of one trace that the tests' in-memory exporter has received. */
public record FinishedSpans(InMemorySpanExporter exporter, String traceId) {

    public List<SpanData> all() {
        return exporter.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    /** The trace's span of this id, once it has been exported (a request's span ends after the spans under it). */
    public SpanData byId(String spanId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> all().stream().filter(span -> span.getSpanId().equals(spanId)).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    /** The trace's one invocation span, once it has been exported (spans are handed over in batches). */
    public SpanData invocation() {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<SpanData> invocations = all().stream().filter(span -> span.getName().startsWith("invocation ")).toList();
            return invocations.size() == 1 ? invocations.get(0) : null;
        }, span -> span != null);
    }
}
