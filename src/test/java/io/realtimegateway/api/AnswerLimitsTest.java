package io.realtimegateway.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.ConfigOverrides;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.RawHttp;
import io.realtimegateway.protocol.JsonSize;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** What one answer may cost: its outputs are bounded, and a caller that stops reading it is let go. */
@QuarkusTest
@TestProfile(AnswerLimitsTest.SmallAnswers.class)
class AnswerLimitsTest extends EmbeddedUpstreamTest {

    private static final int MAX_SIZE = 8 * 1024 * 1024;

    /** Answers of at most 8 MiB (more than the sockets' buffers take), and a short patience with callers that stop reading. */
    public static class SmallAnswers extends ConfigOverrides {
        public SmallAnswers() {
            super("gateway.response.max-size", Integer.toString(MAX_SIZE), "gateway.response.stalled-reader-timeout", "1s");
        }
    }

    @Inject
    MeterRegistry metrics;

    @Test
    void outputsPastTheLimitAreLeftOutWithAStableCodeAndTheInputsAfterThemAreNeverSent() {
        long sentBefore = simulator.stats().inputs(Fixtures.LTX);
        JsonPath response = given().contentType("application/json").body(body(10)).post("/v1/realtime/" + Fixtures.LTX)
                .then().statusCode(200).extract().jsonPath();

        List<String> statuses = response.getList("results.status");
        int kept = statuses.indexOf("error");
        assertTrue(kept > 0 && kept < 10, "some outputs fit, not all: " + statuses);
        assertEquals(List.of("ok"), statuses.subList(0, kept).stream().distinct().toList());
        assertEquals(List.of("RESPONSE_TOO_LARGE"), response.getList("results.error.code").stream().filter(code -> code != null).distinct().toList());
        assertEquals(10 - kept, response.getList("results.error.code").stream().filter(code -> code != null).count());
        assertEquals("the answer reached its limit of " + MAX_SIZE + " bytes of outputs (gateway.response.max-size) with this one, so it and "
                + "the inputs after it are left out; send fewer inputs per invocation or ask for smaller outputs",
                response.getString("results[" + kept + "].error.message"));
        assertEquals(1, response.getInt("results[" + kept + "].attempts"), "the output that did not fit was sent once");
        long kept_bytes = response.getList("results.output").stream().filter(output -> output != null).mapToLong(JsonSize::of).sum();
        assertTrue(kept_bytes <= MAX_SIZE, kept_bytes + " bytes of outputs kept");
        assertEquals(kept + 1, simulator.stats().inputs(Fixtures.LTX) - sentBefore, "nothing was sent after the answer was full");
        assertEquals(kept, response.getInt("summary.ok"));
    }

    @Test
    void theLimitHoldsForStreamsToo() {
        String events = given().contentType("application/json").body(body(10)).post("/v1/realtime/" + Fixtures.LTX + "/stream")
                .then().statusCode(200).extract().asString();
        assertTrue(events.contains("\"code\":\"RESPONSE_TOO_LARGE\""), events.substring(0, 200));
        assertTrue(events.contains("event:summary"));
    }

    @Test
    void aCallerThatNeverReadsItsAnswerIsDisconnected() {
        double droppedBefore = dropped();
        RawHttp caller = neverReading("/v1/realtime/" + Fixtures.LTX);

        await().atMost(Duration.ofSeconds(20)).until(() -> dropped() > droppedBefore);

        String received = caller.readUntilClosed();
        assertFalse(received.endsWith("\r\n0\r\n\r\n"), "the answer was cut before its last chunk");
    }

    @Test
    void aStreamThatIsNeverReadIsDisconnected() {
        double droppedBefore = dropped();
        RawHttp caller = neverReading("/v1/realtime/" + Fixtures.LTX + "/stream");

        await().atMost(Duration.ofSeconds(20)).until(() -> dropped() > droppedBefore);

        assertFalse(caller.readUntilClosed().contains("event:summary"), "the stream was cut before its end");
    }

    /** Asks for seven ~1.2 MB outputs with a small receive buffer, and reads nothing. */
    private RawHttp neverReading(String path) {
        return RawHttp.connect(URI.create("http://127.0.0.1:" + RestAssured.port), Duration.ofSeconds(60), 4096).send(RawHttp.post(path, body(7)));
    }

    private double dropped() {
        Counter counter = metrics.find("gateway.http.stalled.readers").counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * Video inputs with outputs of about 1.2 MB each (121 frames), sent one at a time so that they arrive in input order.
     * They are all alike, so the embedded upstream paints the frames once.
     */
    private static String body(int inputs) {
        List<Map<String, Object>> list = Collections.nCopies(inputs, Map.of("prompt", "waves at dusk", "seed", 5, "num_frames", 121));
        try {
            return new ObjectMapper().writeValueAsString(Map.of("inputs", list, "maxBuffering", 1, "throttleIntervalMs", 32));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
