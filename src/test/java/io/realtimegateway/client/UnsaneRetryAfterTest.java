package io.realtimegateway.client;

import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A 429 always tells the caller when to come back, and never longer than a minute, whatever the upstream said. */
@QuarkusTest
@TestProfile(HostileUpstream.Profile.class)
class UnsaneRetryAfterTest {

    private static final Matcher<String> SANE = matchesPattern("[1-9]|[1-5][0-9]|60");

    /** The wait the app's learned pacing asked for, or a second: either way said, and sane. */
    @Test
    void anUpstreamRateLimitWithoutRetryAfterIsA429ThatHasOne() {
        given().contentType("application/json").body(Map.of("inputs", prompts(1, 1))).post("/v1/realtime/fal-ai/rate-limited-silently")
                .then().statusCode(429).body("error.code", equalTo("RATE_LIMITED")).header("Retry-After", SANE);
    }

    /** The gateway waits as told before it tries again, so the deadline (long after the first refusal) ends the invocation. */
    @Test
    void anAbsurdRetryAfterIsCutToAMinute() {
        given().contentType("application/json").body(Map.of("inputs", prompts(1, 1), "timeoutMs", 8000))
                .post("/v1/realtime/fal-ai/rate-limited-absurdly").then().statusCode(429).body("error.code", equalTo("RATE_LIMITED"))
                .header("Retry-After", "60");
    }

    @Test
    void theFunctionAnswersTheSame() {
        given().contentType("application/json").body(Map.of("app", "fal-ai/rate-limited-silently", "inputs", prompts(1, 1))).post("/realtime")
                .then().statusCode(429).header("Retry-After", SANE);
    }
}
