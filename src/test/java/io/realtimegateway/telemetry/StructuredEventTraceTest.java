package io.realtimegateway.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.buffer.Buffer;

class StructuredEventTraceTest {

    private static final String EVENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String EVENT_SPAN = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + EVENT_TRACE + "-" + EVENT_SPAN + "-01";
    /** The HTTP request's span, in a trace of its own (the event's sender set no traceparent header). */
    private static final SpanContext REQUEST = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(),
            TraceState.getDefault());
    private static final Context IN_REQUEST = Context.root().with(Span.wrap(REQUEST));

    @Test
    void aStructuredEventsTraceIsTheInvocationsParentAndTheRequestsSpanItsLink() {
        Context context = StructuredEventTrace.of(IN_REQUEST, "application/cloudevents+json; charset=UTF-8",
                event("\"traceparent\":\"" + TRACEPARENT + "\",\"tracestate\":\"vendor=x\","));

        SpanContext parent = Span.fromContext(context).getSpanContext();
        assertEquals(EVENT_TRACE, parent.getTraceId());
        assertEquals(EVENT_SPAN, parent.getSpanId());
        assertEquals("x", parent.getTraceState().get("vendor"));

        InMemorySpanExporter exported = InMemorySpanExporter.create();
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build()) {
            StructuredEventTrace.linkTransport(tracing.get("test").spanBuilder("invocation").setParent(context), context).startSpan().end();
            SpanData invocation = exported.getFinishedSpanItems().get(0);
            assertEquals(EVENT_SPAN, invocation.getParentSpanId());
            assertEquals(List.of(REQUEST.getSpanId()), invocation.getLinks().stream().map(LinkData::getSpanContext).map(SpanContext::getSpanId).toList());
        }
    }

    @Test
    void theRequestsBaggageStaysWithTheEventsTrace() {
        Context withBaggage = IN_REQUEST.with(Baggage.builder().put("tenant", "t-1").build());
        Context context = StructuredEventTrace.of(withBaggage, "application/cloudevents+json", event("\"traceparent\":\"" + TRACEPARENT + "\","));
        assertEquals(EVENT_TRACE, Span.fromContext(context).getSpanContext().getTraceId());
        assertEquals("t-1", Baggage.fromContext(context).getEntryValue("tenant"));
    }

    @Test
    void anEventInTheRequestsOwnTraceChangesNothing() {
        String sameTrace = "00-" + REQUEST.getTraceId() + "-" + EVENT_SPAN + "-01";
        assertSame(IN_REQUEST, StructuredEventTrace.of(IN_REQUEST, "application/cloudevents+json", event("\"traceparent\":\"" + sameTrace + "\",")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"traceparent\":\"not-a-traceparent\",", "\"traceparent\":42,",
            "\"data\":{\"traceparent\":\"" + TRACEPARENT + "\"},", "\"extensions\":[\"traceparent\",\"" + TRACEPARENT + "\"],"})
    void anEventThatNamesNoValidTraceAtItsTopLevelChangesNothing(String fields) {
        assertSame(IN_REQUEST, StructuredEventTrace.of(IN_REQUEST, "application/cloudevents+json", event(fields)));
    }

    @Test
    void onlyStructuredModeBodiesAreRead() {
        Buffer body = event("\"traceparent\":\"" + TRACEPARENT + "\",");
        assertSame(IN_REQUEST, StructuredEventTrace.of(IN_REQUEST, "application/json", body));
        assertSame(IN_REQUEST, StructuredEventTrace.of(IN_REQUEST, null, body));
        assertSame(IN_REQUEST, StructuredEventTrace.of(IN_REQUEST, "application/cloudevents+json", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"traceparent\"", "{\"traceparent\":", "{\"a\":[1,{\"b\":", "not json"})
    void aBodyThatIsNoJsonObjectNamesNoTrace(String body) {
        assertEquals(Map.of(), StructuredEventTrace.envelopeFields(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static Buffer event(String traceFields) {
        return Buffer.buffer("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/tests\",\"type\":\"realtime\"," + traceFields
                + "\"data\":{\"app\":\"fal-ai/flux-lora-realtime\",\"inputs\":[]}}");
    }
}
