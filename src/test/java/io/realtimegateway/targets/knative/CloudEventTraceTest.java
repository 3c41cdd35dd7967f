package io.realtimegateway.targets.knative;

import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.telemetry.FinishedSpans;
import io.realtimegateway.telemetry.TraceAttributes;
import io.realtimegateway.telemetry.TracedTest;

/**
 * An event's trace is continued in both CloudEvents modes: binary mode carries it as the {@code traceparent} header,
 * structured mode as the envelope's {@code traceparent} attribute, where the invocation joins it and links to the
 * HTTP request's span.
 */
@QuarkusTest
class CloudEventTraceTest extends TracedTest {

    private static final String EVENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String EVENT_SPAN = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + EVENT_TRACE + "-" + EVENT_SPAN + "-01";

    @Test
    void aStructuredEventsTraceparentIsTheInvocationsParentAndItsRequestALink() {
        Map<String, Object> event = Map.of("specversion", "1.0", "id", "traced-1", "source", "/tests", "type", "realtime",
                "traceparent", TRACEPARENT, "datacontenttype", "application/json", "data", Map.of("app", Fixtures.FLUX, "inputs", prompts(2, 5)));
        given().contentType("application/cloudevents+json").body(event).post("/").then().statusCode(200);

        SpanData invocation = trace(EVENT_TRACE).invocation();
        assertEquals(EVENT_SPAN, invocation.getParentSpanId(), "the invocation hangs under the event's span");
        assertEquals(2L, invocation.getAttributes().get(TraceAttributes.OK));
        List<SpanContext> links = invocation.getLinks().stream().map(LinkData::getSpanContext).toList();
        assertEquals(1, links.size(), links.toString());
        assertNotEquals(EVENT_TRACE, links.get(0).getTraceId(), "the link leads to the HTTP request's own trace");
        SpanData request = trace(links.get(0).getTraceId()).byId(links.get(0).getSpanId());
        assertEquals(SpanKind.SERVER, request.getKind());
    }

    @Test
    void aBinaryEventsTraceparentHeaderIsTheRequestsParent() {
        given().contentType("application/json").header("traceparent", TRACEPARENT)
                .header("ce-specversion", "1.0").header("ce-id", "traced-2").header("ce-source", "/tests").header("ce-type", "realtime")
                .body(Map.of("app", Fixtures.FLUX, "inputs", prompts(1, 5))).post("/").then().statusCode(200);

        FinishedSpans spansOfTrace = trace(EVENT_TRACE);
        SpanData invocation = spansOfTrace.invocation();
        SpanData request = spansOfTrace.byId(invocation.getParentSpanId());
        assertEquals(SpanKind.SERVER, request.getKind());
        assertEquals(EVENT_SPAN, request.getParentSpanId());
        assertEquals(List.of(), invocation.getLinks());
    }
}
