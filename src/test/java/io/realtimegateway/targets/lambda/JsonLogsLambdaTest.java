package io.realtimegateway.targets.lambda;

import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.targets.ConsoleJsonLines;
import io.realtimegateway.targets.JsonLogAssertions;

/** The {@code lambda} build logs one JSON object per line, as CloudWatch reads them, with the invocation's fields. */
@QuarkusTest
class JsonLogsLambdaTest extends EmbeddedUpstreamTest {

    @Test
    void anInvocationsLogLineIsJsonWithItsTraceAppAndKeyHash() throws Exception {
        try (ConsoleJsonLines console = new ConsoleJsonLines("io.realtimegateway")) {
            given().contentType("application/json")
                    .body(Map.of("app", Fixtures.FLUX, "inputs", prompts(2, 10), "connectionKey", "user-7@example.com"))
                    .post()
                    .then().statusCode(200);

            JsonLogAssertions.assertInvocationLogged(console.records(), console.lines(), Fixtures.FLUX, "user-7@example.com",
                    "a lighthouse in a storm");
        }
    }
}
