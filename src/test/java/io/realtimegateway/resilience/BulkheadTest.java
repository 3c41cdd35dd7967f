package io.realtimegateway.resilience;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.ConfigOverrides;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.LogCapture;
import io.realtimegateway.simulator.SimulatorSettings.Latency;
import io.restassured.response.Response;

/** Upstream connections are bounded: beyond the limit and its short queue, callers get 429 at once, not a pile-up. */
@QuarkusTest
@TestProfile(BulkheadTest.TwoConnectionsPerApp.class)
class BulkheadTest extends EmbeddedUpstreamTest {

    public static class TwoConnectionsPerApp extends ConfigOverrides {
        public TwoConnectionsPerApp() {
            super("gateway.resilience.bulkhead.per-app", "2", "gateway.resilience.bulkhead.queue", "1");
        }
    }

    @Test
    void twoConnectionsRunOneWaitsAndTheFourthIsRefusedWith429() throws Exception {
        simulator.update(s -> s.latency(new Latency(Duration.ofMillis(1500), Duration.ZERO, Duration.ZERO)));
        List<Response> responses = callAtOnce(4);
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        Response refused = responses.stream().filter(response -> response.statusCode() == 429).findFirst().orElseThrow();

        assertEquals(3, statuses.stream().filter(status -> status == 200).count(), "two ran at once, one waited its turn: " + statuses);
        assertEquals(1, statuses.stream().filter(status -> status == 429).count(), statuses.toString());
        assertEquals("RATE_LIMITED", refused.jsonPath().getString("error.code"));
        assertEquals("the gateway already has its limit of upstream connections open (2 per app, 512 in all, 1 waiting); try again shortly",
                refused.jsonPath().getString("error.message"));
        assertEquals("1", refused.header("Retry-After"));
    }

    @Test
    void aFloodOfRefusalsIsWarnedOnceInAWhileNotOncePerRefusal() throws Exception {
        simulator.update(s -> s.latency(new Latency(Duration.ofMillis(1500), Duration.ZERO, Duration.ZERO)));
        try (LogCapture log = LogCapture.start()) {
            long refused = callAtOnce(12).stream().filter(response -> response.statusCode() == 429).count();

            assertTrue(refused >= 8, refused + " of 12 refused");
            List<LogRecord> warnings = log.matching("io.realtimegateway", "Gave up on");
            assertTrue(warnings.size() <= 1, () -> "at most one warning for " + refused + " refusals: " + LogCapture.describe(warnings));
        }
    }

    /** {@code count} one-input invocations of the same app, all at once. */
    private static List<Response> callAtOnce(int count) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(count);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(callers.submit(() -> given().contentType("application/json").body(body(prompts(1, 1)))
                    .post("/v1/realtime/" + Fixtures.FLUX).thenReturn()));
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> call : calls) {
            responses.add(call.get());
        }
        callers.shutdown();
        return responses;
    }
}
