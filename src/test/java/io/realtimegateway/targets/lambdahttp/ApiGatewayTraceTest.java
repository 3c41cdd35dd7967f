package io.realtimegateway.targets.lambdahttp;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.telemetry.FinishedSpans;
import io.realtimegateway.telemetry.TracedTest;

/**
 * Behind API Gateway, which adds {@code X-Amzn-Trace-Id} to the requests it hands to Lambda, a request without a
 * {@code traceparent} is traced under API Gateway's X-Ray segment.
 */
@QuarkusTest
class ApiGatewayTraceTest extends TracedTest {

    @Test
    void aRequestWithApiGatewaysTraceHeaderIsTracedUnderIt() {
        given().contentType("application/json").header("X-Amzn-Trace-Id", XRAY_HEADER)
                .body(body(prompts(1, 30))).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(200);

        FinishedSpans spansOfTrace = trace(XRAY_TRACE);
        SpanData request = spansOfTrace.byId(spansOfTrace.invocation().getParentSpanId());
        assertEquals(SpanKind.SERVER, request.getKind());
        assertEquals(XRAY_PARENT, request.getParentSpanId());
    }
}
