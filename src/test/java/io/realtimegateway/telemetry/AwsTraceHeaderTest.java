package io.realtimegateway.telemetry;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.Fixtures;
import io.restassured.specification.RequestSpecification;

/**
 * A request that API Gateway (or another AWS service) passes on with its {@code X-Amzn-Trace-Id} and no W3C
 * {@code traceparent} is traced under that X-Ray trace; a {@code traceparent} wins when both are there.
 */
@QuarkusTest
class AwsTraceHeaderTest extends TracedTest {

    @Test
    void aRequestWithOnlyAnAwsTraceHeaderIsTracedUnderIt() {
        invoke(given().header("X-Amzn-Trace-Id", XRAY_HEADER));

        FinishedSpans spansOfTrace = trace(XRAY_TRACE);
        SpanData invocation = spansOfTrace.invocation();
        SpanData request = spansOfTrace.byId(invocation.getParentSpanId());
        assertEquals(SpanKind.SERVER, request.getKind());
        assertEquals(XRAY_PARENT, request.getParentSpanId(), "the HTTP request's span hangs under X-Ray's parent segment");
    }

    @Test
    void aTraceparentWinsOverAnAwsTraceHeader() {
        String w3cTrace = "0af7651916cd43dd8448eb211c80319c";
        invoke(given().header("X-Amzn-Trace-Id", XRAY_HEADER).header("traceparent", "00-" + w3cTrace + "-b7ad6b7169203331-01"));

        trace(w3cTrace).invocation();
        assertEquals(List.of(), trace(XRAY_TRACE).all());
    }

    private static void invoke(RequestSpecification request) {
        request.contentType("application/json").body(body(prompts(1, 1))).post("/v1/realtime/" + Fixtures.FLUX).then().statusCode(200);
    }
}
