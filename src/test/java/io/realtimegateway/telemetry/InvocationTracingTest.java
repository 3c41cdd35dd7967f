package io.realtimegateway.telemetry;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompt;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.invocation.UpstreamValidationTest;
import io.realtimegateway.simulator.SimulatorSettings.Latency;
import io.restassured.path.json.JsonPath;

/**
 * The trace of an invocation, read from an in-memory span exporter: it continues the caller's W3C trace, the
 * invocation's span sits under the HTTP request's, and each input's outcome is an event on it. Local validation is
 * off (as in {@link UpstreamValidationTest}), so an invalid input reaches the upstream and its culprit hunt shows.
 */
@QuarkusTest
@TestProfile(UpstreamValidationTest.LocalValidationOff.class)
class InvocationTracingTest extends EmbeddedUpstreamTest {

    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01";

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void forgetEarlierSpans() {
        spans.reset();
    }

    @Test
    void aCleanInvocationIsOneSpanUnderTheCallersTraceWithAnEventPerInput() {
        Map<String, Object> body = body(prompts(3, 1));
        body.put("connectionKey", "user-42@example.com");
        invoke(body);

        SpanData invocation = invocationSpan();
        SpanData request = spanById(invocation.getParentSpanId());
        assertEquals(CALLER_TRACE, invocation.getTraceId(), "one trace: the caller's");
        assertEquals(SpanKind.SERVER, request.getKind());
        assertEquals(CALLER_SPAN, request.getParentSpanId(), "the HTTP request's span continues the caller's");
        assertEquals(Fixtures.FLUX, invocation.getAttributes().get(TraceAttributes.APP));
        assertEquals(ConnectionKeyHash.of("user-42@example.com"), invocation.getAttributes().get(TraceAttributes.CONNECTION_KEY_HASH));
        assertEquals(3L, invocation.getAttributes().get(TraceAttributes.INPUTS));
        assertEquals(3L, invocation.getAttributes().get(TraceAttributes.OK));
        assertEquals(0L, invocation.getAttributes().get(TraceAttributes.FAILED));
        assertEquals(StatusCode.UNSET, invocation.getStatus().getStatusCode());

        List<EventData> inputs = inputEvents(invocation);
        assertEquals(List.of(0L, 1L, 2L), inputs.stream().map(e -> e.getAttributes().get(TraceAttributes.INPUT_INDEX)).sorted().toList());
        inputs.forEach(input -> {
            assertEquals("ok", input.getAttributes().get(TraceAttributes.INPUT_STATUS));
            assertEquals(1L, input.getAttributes().get(TraceAttributes.INPUT_ATTEMPTS));
            assertTrue(input.getAttributes().get(TraceAttributes.INPUT_LATENCY_MS) >= 0);
        });
        assertNothingSecretIn(invocation, "user-42@example.com", "a lighthouse in a storm");
    }

    @Test
    void inputsResentAfterADroppedConnectionShowTheirAttemptsAndTheReconnect() {
        simulator.update(s -> s.dropAfterResults(2, 0));
        JsonPath response = invoke(body(prompts(6, 10)));

        SpanData invocation = invocationSpan();
        assertEquals(6L, invocation.getAttributes().get(TraceAttributes.OK));
        assertEquals((long) response.getInt("summary.reconnects"), invocation.getAttributes().get(TraceAttributes.RECONNECTS));
        assertTrue(invocation.getAttributes().get(TraceAttributes.RECONNECTS) >= 1);
        List<Long> attempts = inputEvents(invocation).stream().sorted(Comparator.comparing(e -> e.getAttributes().get(TraceAttributes.INPUT_INDEX)))
                .map(e -> e.getAttributes().get(TraceAttributes.INPUT_ATTEMPTS)).toList();
        assertEquals(response.getList("results.attempts", Long.class), attempts);
        assertTrue(attempts.stream().anyMatch(sends -> sends > 1), "an input caught in flight by the drop was sent again: " + attempts);
    }

    @Test
    void theCulpritOfAnErrorCloseIsTheOnlyFailedInput() {
        // A slow model keeps two inputs in flight, so the session-ending error could belong to either.
        simulator.update(s -> s.latency(new Latency(Duration.ofMillis(80), Duration.ZERO, Duration.ZERO)));
        invoke(body(List.of(prompt("one", 1), Map.of("seed", 2), prompt("three", 3))));

        SpanData invocation = invocationSpan();
        Map<Long, EventData> byIndex = new java.util.TreeMap<>();
        inputEvents(invocation).forEach(e -> byIndex.put(e.getAttributes().get(TraceAttributes.INPUT_INDEX), e));
        assertEquals(List.of("ok", "error", "ok"), byIndex.values().stream().map(e -> e.getAttributes().get(TraceAttributes.INPUT_STATUS)).toList());
        assertEquals("INVALID_INPUT", byIndex.get(1L).getAttributes().get(TraceAttributes.ERROR_CODE));
        assertEquals(2L, invocation.getAttributes().get(TraceAttributes.OK));
        assertEquals(1L, invocation.getAttributes().get(TraceAttributes.FAILED));
        assertTrue(invocation.getAttributes().get(TraceAttributes.RECONNECTS) >= 1, "the error ended a session");
        // Some inputs but not all failed: the invocation as a whole did not.
        assertEquals(StatusCode.UNSET, invocation.getStatus().getStatusCode());
    }

    @Test
    void anInvocationThatFailsAsAWholeIsAnErrorSpanNamingTheCode() {
        given().contentType("application/json").header("traceparent", TRACEPARENT).body(body(prompts(1, 1)))
                .post("/v1/realtime/nobody/nothing").then().statusCode(404);

        SpanData invocation = invocationSpan();
        assertEquals(StatusCode.ERROR, invocation.getStatus().getStatusCode());
        assertEquals("APP_NOT_FOUND", invocation.getAttributes().get(TraceAttributes.ERROR_CODE));
    }

    private static JsonPath invoke(Map<String, Object> body) {
        body.put("throttleIntervalMs", 32);
        return given().contentType("application/json").header("traceparent", TRACEPARENT).body(body).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The one invocation span of the caller's trace, once it and its request's span have been exported. */
    private SpanData invocationSpan() {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<SpanData> invocations = ofCallersTrace().stream().filter(span -> span.getName().startsWith("invocation ")).toList();
            Optional<SpanData> request = invocations.isEmpty() ? Optional.empty() : findById(invocations.get(0).getParentSpanId());
            return invocations.size() == 1 && request.isPresent() ? invocations.get(0) : null;
        }, span -> span != null);
    }

    private List<SpanData> ofCallersTrace() {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(CALLER_TRACE)).toList();
    }

    private Optional<SpanData> findById(String spanId) {
        return ofCallersTrace().stream().filter(span -> span.getSpanId().equals(spanId)).findFirst();
    }

    private SpanData spanById(String spanId) {
        return findById(spanId).orElseThrow();
    }

    private static List<EventData> inputEvents(SpanData span) {
        return span.getEvents().stream().filter(event -> event.getName().equals(TraceAttributes.INPUT_EVENT)).toList();
    }

    /** Neither the span nor its events carry the connectionKey or anything of the inputs. */
    private void assertNothingSecretIn(SpanData span, String... secrets) {
        String everything = span.getAttributes() + " " + span.getEvents().stream().map(e -> e.getName() + e.getAttributes()).toList();
        for (String secret : secrets) {
            assertFalse(everything.contains(secret), "the trace shows " + secret + ": " + everything);
        }
    }
}
