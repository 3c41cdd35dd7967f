package io.realtimegateway.targets.lambda;

import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.targets.LambdaEventServer;
import io.realtimegateway.telemetry.TraceAttributes;
import io.realtimegateway.telemetry.TracedTest;

/**
 * A direct Lambda invocation is traced under the X-Ray trace Lambda's runtime names for it
 * ({@code Lambda-Runtime-Trace-Id} with the event; Quarkus's poll loop keeps it in a system property while it runs).
 */
@QuarkusTest
class LambdaTraceTest extends TracedTest {

    @BeforeEach
    void postToTheMockEventServer() {
        LambdaEventServer.useForRestAssured();
    }

    @Test
    void theInvocationsSpanHangsUnderTheLambdaRuntimesTrace() {
        // Quarkus's mock event server (3.34) hands the event's request id on as its trace header too, so the event
        // names its X-Ray trace there; Lambda sends the two in headers of their own.
        given().header("Lambda-Runtime-Aws-Request-Id", XRAY_HEADER)
                .contentType("application/json").body(Map.of("app", Fixtures.FLUX, "inputs", prompts(2, 10)))
                .post()
                .then().statusCode(200);

        SpanData invocation = trace(XRAY_TRACE).invocation();
        assertEquals(XRAY_PARENT, invocation.getParentSpanId(), "no HTTP request in between: the invocation is the Lambda segment's child");
        assertTrue(invocation.getParentSpanContext().isRemote());
        assertEquals(2L, invocation.getAttributes().get(TraceAttributes.OK));
    }
}
