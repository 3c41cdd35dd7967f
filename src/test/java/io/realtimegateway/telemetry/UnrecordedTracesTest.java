package io.realtimegateway.telemetry;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.ConfigOverrides;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.LogCapture;

/**
 * Tracing as it runs with no OTLP endpoint and no exporter of the application's own (the default outside tests):
 * nothing is recorded, not even the HTTP request's span, yet the caller's trace id and a span id of the gateway's own
 * are still in the log lines, so logs still tie to the caller's trace.
 */
@QuarkusTest
@TestProfile(UnrecordedTracesTest.RecordingOff.class)
class UnrecordedTracesTest extends EmbeddedUpstreamTest {

    private static final String CALLER_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CALLER_SPAN = "b7ad6b7169203331";

    public static class RecordingOff extends ConfigOverrides {
        public RecordingOff() {
            super("gateway.traces.record-without-endpoint", "false");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Inject
    OpenTelemetry openTelemetry;

    @Test
    void withNoEndpointNothingIsRecordedButTheLogLinesCarryTheCallersTrace() {
        spans.reset();
        Map<String, Object> body = body(prompts(2, 1));
        // A keyed connection: its socket's events are INFO lines, with the socket's span in their fields.
        body.put("connectionKey", "unrecorded-traces");
        List<LogRecord> connected;
        try (LogCapture log = LogCapture.start()) {
            given().contentType("application/json").header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01").body(body)
                    .post("/v1/realtime/" + Fixtures.FLUX).then().statusCode(200);
            connected = log.matching("io.realtimegateway.client", "Connected to");
        }

        // Whatever was recorded has been handed to the exporters once the flush is done.
        ((OpenTelemetrySdk) openTelemetry).getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
        assertEquals(List.of(), spans.getFinishedSpanItems(), "no span is recorded without an endpoint");

        assertEquals(1, connected.size(), LogCapture.describe(connected));
        ExtLogRecord line = (ExtLogRecord) connected.get(0);
        assertEquals(CALLER_TRACE, line.getMdc(LogFields.TRACE_ID), "the socket's line is in the caller's trace");
        String spanId = line.getMdc(LogFields.SPAN_ID);
        assertTrue(spanId.matches("[0-9a-f]{16}") && !spanId.equals("0000000000000000"), spanId);
        assertNotEquals(CALLER_SPAN, spanId, "the socket has a span id of its own");
    }
}
