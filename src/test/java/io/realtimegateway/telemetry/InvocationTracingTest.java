package io.realtimegateway.telemetry;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompt;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.RawHttp;
import io.realtimegateway.client.RealtimeClient;
import io.realtimegateway.invocation.UpstreamValidationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * The trace of an invocation, read from an in-memory span exporter: it continues the caller's W3C trace, the
 * invocation's span sits under the HTTP request's, and each input's outcome is an event on it. Local validation is
 * off (as in {@link UpstreamValidationTest}), so an invalid input reaches the upstream and its culprit hunt shows. The
 * four cases: a clean invocation, one with a reconnect, one with a culprit isolated, one cancelled by its caller.
 */
@QuarkusTest
@TestProfile(UpstreamValidationTest.LocalValidationOff.class)
class InvocationTracingTest extends EmbeddedUpstreamTest {

    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01";

    @Inject
    InMemorySpanExporter spans;

    @Inject
    RealtimeClient client;

    /** No warm socket of an earlier test is reused: each invocation opens its own, traced under it. */
    @BeforeEach
    void forgetEarlierSpansAndSockets() throws Exception {
        client.closeIdleConnections().toCompletableFuture().get(10, TimeUnit.SECONDS);
        spans.reset();
    }

    @Test
    void aCleanInvocationIsOneSpanUnderTheCallersTraceWithAnEventPerInputAndOneSocketSpan() throws Exception {
        Map<String, Object> body = body(prompts(3, 1));
        body.put("connectionKey", "user-42@example.com");
        invoke(body);

        SpanData invocation = invocationSpan();
        SpanData request = callersTrace().byId(invocation.getParentSpanId());
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

        SpanData socket = onlyElement(socketSpans(invocation));
        assertEquals(SpanKind.CLIENT, socket.getKind());
        assertEquals(1L, socket.getAttributes().get(TraceAttributes.SOCKET_NUMBER));
        assertEquals(ConnectionKeyHash.of("user-42@example.com"), socket.getAttributes().get(TraceAttributes.CONNECTION_KEY_HASH));
        List<String> events = socket.getEvents().stream().map(EventData::getName).toList();
        assertEquals(List.of(TraceAttributes.TOKEN_EVENT, TraceAttributes.OPEN_EVENT, TraceAttributes.SENT_EVENT, TraceAttributes.SENT_EVENT,
                TraceAttributes.SENT_EVENT), events, "the token, the upgrade, then each input once");
        assertEquals("Retired", socket.getAttributes().get(TraceAttributes.SOCKET_VERDICT), "the keyed socket lived on until closed as idle");
        assertEquals(3L, socket.getAttributes().get(TraceAttributes.SOCKET_SENT));
        assertEquals(0L, socket.getAttributes().get(TraceAttributes.SOCKET_RESENT));
        assertEquals(3L, socket.getAttributes().get(TraceAttributes.SOCKET_ANSWERED));
        assertNothingSecretIn(socket, "user-42@example.com", "a lighthouse in a storm");
    }

    @Test
    void inputsResentAfterADroppedConnectionShowTheirAttemptsAndASpanPerSocket() throws Exception {
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

        List<SpanData> sockets = socketSpans(invocation);
        assertEquals(List.of(1L, 2L), sockets.stream().limit(2).map(span -> span.getAttributes().get(TraceAttributes.SOCKET_NUMBER)).toList(),
                "one span per socket, all under the invocation");
        assertEquals("Lost", sockets.get(0).getAttributes().get(TraceAttributes.SOCKET_VERDICT), "the first socket was cut");
        assertTrue(sockets.get(0).getAttributes().get(TraceAttributes.SOCKET_UNANSWERED) >= 1, "with inputs in flight");
        SpanData second = sockets.get(1);
        assertTrue(second.getAttributes().get(TraceAttributes.SOCKET_RESENT) >= 1, "the next socket resent them");
        assertTrue(second.getEvents().stream().anyMatch(event -> event.getName().equals(TraceAttributes.SENT_EVENT)
                && event.getAttributes().get(TraceAttributes.INPUT_ATTEMPTS) > 1), "a resent input shows as a second send: " + second.getEvents());
    }

    @Test
    void theCulpritOfAnErrorCloseIsTheOnlyFailedInputAndItsIsolationShowsInTheSocketSpans() throws Exception {
        // The first input takes the model a second, so it is surely still in flight when the bad one ends the session
        // (sent 32 ms after it): the error could belong to either. (A model-wide 80 ms was too short on a loaded machine.)
        Map<String, Object> slow = new LinkedHashMap<>(prompt("one", 1));
        slow.put("x_simulated_latency_ms", 1000);
        invoke(body(List.of(slow, Map.of("seed", 2), prompt("three", 3))));

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

        List<String> verdicts = socketSpans(invocation).stream().map(span -> span.getAttributes().get(TraceAttributes.SOCKET_VERDICT)).toList();
        assertEquals("Isolate", verdicts.get(0), "the error ended a socket with two in flight: " + verdicts);
        assertTrue(verdicts.contains("BlameOne"), "sent one at a time, the culprit ended a socket alone: " + verdicts);
    }

    @Test
    void anInvocationThatFailsAsAWholeIsAnErrorSpanNamingTheCode() {
        given().contentType("application/json").header("traceparent", TRACEPARENT).body(body(prompts(1, 1)))
                .post("/v1/realtime/nobody/nothing").then().statusCode(404);

        SpanData invocation = invocationSpan();
        assertEquals(StatusCode.ERROR, invocation.getStatus().getStatusCode());
        assertEquals("APP_NOT_FOUND", invocation.getAttributes().get(TraceAttributes.ERROR_CODE));
    }

    @Test
    void anInvocationWhoseCallerHangsUpSaysSoAndItsUnsentInputsWereNeverSent() throws Exception {
        long inputsBefore = simulator.stats().inputs(Fixtures.FLUX);
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (Map<String, Object> input : prompts(6, 50)) {
            Map<String, Object> slow = new LinkedHashMap<>(input);
            slow.put("x_simulated_latency_ms", 60_000); // only the caller's leaving ends this invocation
            inputs.add(slow);
        }
        Map<String, Object> body = body(inputs);
        body.put("maxBuffering", 2);
        body.put("timeoutMs", 300_000);
        RawHttp caller = RawHttp.connect(URI.create("http://127.0.0.1:" + RestAssured.port), Duration.ofSeconds(60))
                .send(RawHttp.post("/v1/realtime/" + Fixtures.FLUX, "application/json", new ObjectMapper().writeValueAsBytes(body),
                        "traceparent: " + TRACEPARENT + "\r\n"));
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().inputs(Fixtures.FLUX) - inputsBefore == 2);
        caller.close();

        SpanData invocation = invocationSpan();
        assertTrue(invocation.getEvents().stream().anyMatch(event -> event.getName().equals(TraceAttributes.CALLER_LEFT_EVENT)),
                "the span says the caller left: " + invocation.getEvents());
        assertEquals(0L, invocation.getAttributes().get(TraceAttributes.OK));
        assertEquals(6L, invocation.getAttributes().get(TraceAttributes.FAILED));
        List<EventData> outcomes = inputEvents(invocation);
        assertEquals(6, outcomes.size(), "every input has its outcome in the trace");
        outcomes.forEach(outcome -> assertEquals("CONNECTION_LOST", outcome.getAttributes().get(TraceAttributes.ERROR_CODE)));
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 1L), outcomes.stream().map(e -> e.getAttributes().get(TraceAttributes.INPUT_ATTEMPTS)).sorted().toList(),
                "the two in the upstream's queue were sent once, the rest never");

        SpanData socket = onlyElement(socketSpans(invocation));
        assertEquals(2L, socket.getAttributes().get(TraceAttributes.SOCKET_SENT));
        assertEquals(0L, socket.getAttributes().get(TraceAttributes.SOCKET_ANSWERED));
        assertEquals(2L, socket.getAttributes().get(TraceAttributes.SOCKET_UNANSWERED), "closed with its two inputs unanswered");
    }

    /**
     * The spans of the upstream sockets opened under the invocation, in the order they were opened, once every
     * socket has ended: idle ones are closed first, as the drain does.
     */
    private List<SpanData> socketSpans(SpanData invocation) throws Exception {
        client.closeIdleConnections().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return await().atMost(Duration.ofSeconds(10)).until(() -> callersTrace().all().stream()
                .filter(span -> span.getParentSpanId().equals(invocation.getSpanId()) && span.getName().startsWith("upstream socket "))
                .sorted(Comparator.comparing(span -> span.getAttributes().get(TraceAttributes.SOCKET_NUMBER))).toList(),
                found -> !found.isEmpty() && found.size() == Math.max(1, 1 + invocation.getAttributes().get(TraceAttributes.RECONNECTS)));
    }

    private static <T> T onlyElement(List<T> list) {
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }

    private static JsonPath invoke(Map<String, Object> body) {
        body.put("throttleIntervalMs", 32);
        return given().contentType("application/json").header("traceparent", TRACEPARENT).body(body).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The one invocation span of the caller's trace, once it and its request's span have been exported. */
    private SpanData invocationSpan() {
        SpanData invocation = callersTrace().invocation();
        callersTrace().byId(invocation.getParentSpanId());
        return invocation;
    }

    private FinishedSpans callersTrace() {
        return new FinishedSpans(spans, CALLER_TRACE);
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
