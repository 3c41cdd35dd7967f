package io.realtimegateway.invocation;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtimegateway.ConfigOverrides;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;

/** A key the upstream refuses: 401 naming where the key came from, never the key. */
@QuarkusTest
@TestProfile(RefusedKeyTest.WrongKey.class)
class RefusedKeyTest extends EmbeddedUpstreamTest {

    static final String WRONG_KEY = "wrong-key-id:wrong-key-secret";

    public static class WrongKey extends ConfigOverrides {
        public WrongKey() {
            super("gateway.upstream.target", "embedded", "gateway.upstream.key", WRONG_KEY);
        }
    }

    @Test
    void theInvocationIsA401ThatNamesTheKeySourceButNotTheKey() {
        long tokenRequests = simulator.stats().tokenRequests();
        given().contentType("application/json").body(body(prompts(2, 1))).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"))
                .body("error.message", containsString("the key from FAL_KEY (gateway.upstream.key)"))
                .body("error.message", not(containsString("wrong-key")));
        assertEquals(1, simulator.stats().tokenRequests() - tokenRequests, "UNAUTHORIZED is never retried");
    }

    @Test
    void theFunctionAnswersTheSame() {
        given().contentType("application/json").body(Map.of("app", Fixtures.FLUX, "inputs", prompts(1, 1))).post("/realtime")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }
}
