package io.realtimegateway.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.ConfigOverrides;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.RawHttp;
import io.restassured.RestAssured;

/**
 * A caller that hangs up cancels its invocation, on every HTTP entry point: the inputs not yet sent are never sent, the
 * upstream socket closes and the bulkhead slot comes back, long before the invocation's own deadline.
 */
@QuarkusTest
@TestProfile(CallerDepartureTest.PatientWithTheUpstream.class)
class CallerDepartureTest extends EmbeddedUpstreamTest {

    /** The gateway would give up on a silent upstream only after far longer than a test takes. */
    public static class PatientWithTheUpstream extends ConfigOverrides {
        public PatientWithTheUpstream() {
            super("gateway.resilience.input-timeout", "10m");
        }
    }

    /** Each input keeps the embedded upstream's model busy longer than any test: only a cancellation ends its session. */
    private static final int MODEL_MILLIS = 60_000;
    private static final int INPUTS = 8;
    private static final int MAX_BUFFERING = 2;

    @Inject
    MeterRegistry metrics;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void noSocketOfAnEarlierTestIsStillOpen() {
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().openSessions(Fixtures.FLUX) == 0);
    }

    @Test
    void aCallerThatHangsUpOnTheRestEndpointStopsItsInvocation() throws Exception {
        hangUpAndExpectTheWorkToStop("/v1/realtime/" + Fixtures.FLUX, body(Map.of()));
    }

    @Test
    void aCallerThatHangsUpOnTheStreamStopsItsInvocation() throws Exception {
        hangUpAndExpectTheWorkToStop("/v1/realtime/" + Fixtures.FLUX + "/stream", body(Map.of()));
    }

    @Test
    void aCallerThatHangsUpOnTheFunqyFunctionStopsItsInvocation() throws Exception {
        hangUpAndExpectTheWorkToStop("/realtime", body(Map.of("app", Fixtures.FLUX)));
    }

    @Test
    void theSlotsOfCallersThatHungUpServeTheNextCaller() throws Exception {
        List<RawHttp> abandoned = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            abandoned.add(hangingOn("/v1/realtime/" + Fixtures.FLUX, body(Map.of())));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().openSessions(Fixtures.FLUX) == 4);
        abandoned.forEach(RawHttp::close);
        await().atMost(Duration.ofSeconds(10)).until(() -> sessionsRunning() == 0);

        given().contentType("application/json").body(Fixtures.body(Fixtures.prompts(1, 5))).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(200);
    }

    private void hangUpAndExpectTheWorkToStop(String path, String body) {
        long inputsBefore = simulator.stats().inputs(Fixtures.FLUX);
        RawHttp caller = hangingOn(path, body);
        // The window is full: the upstream holds maxBuffering inputs, the gateway the rest.
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().inputs(Fixtures.FLUX) - inputsBefore == MAX_BUFFERING);
        assertEquals(1, sessionsRunning(), "the invocation holds a bulkhead slot while it runs");

        caller.close();

        await("the upstream socket closes").atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().openSessions(Fixtures.FLUX) == 0);
        await("the bulkhead slot comes back").atMost(Duration.ofSeconds(10)).until(() -> sessionsRunning() == 0);
        assertEquals(MAX_BUFFERING, simulator.stats().inputs(Fixtures.FLUX) - inputsBefore, "the inputs not yet sent never were");
    }

    /** A caller that has sent its request and waits for the answer, until the test hangs up. */
    private static RawHttp hangingOn(String path, String body) {
        return RawHttp.connect(URI.create("http://127.0.0.1:" + RestAssured.port), Duration.ofSeconds(60)).send(RawHttp.post(path, body));
    }

    /** What SmallRye's own bulkhead of the app says it runs. */
    private double sessionsRunning() {
        Gauge running = metrics.find("ft.bulkhead.executionsRunning").tag("method", "upstream:" + Fixtures.FLUX + ":sessions").gauge();
        return running == null ? 0 : running.value();
    }

    private String body(Map<String, Object> extra) throws JsonProcessingException {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (Map<String, Object> input : Fixtures.prompts(INPUTS, 100)) {
            Map<String, Object> slow = new LinkedHashMap<>(input);
            slow.put("x_simulated_latency_ms", MODEL_MILLIS);
            inputs.add(slow);
        }
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("inputs", inputs);
        body.put("maxBuffering", MAX_BUFFERING);
        body.put("timeoutMs", 300_000);
        return json.writeValueAsString(body);
    }
}
