package io.realtimegateway.targets.lambdahttp;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.targets.ConsoleJsonLines;
import io.realtimegateway.targets.JsonLogAssertions;

/**
 * The {@code lambda-http} build logs one JSON object per line, as CloudWatch reads them; the trace a caller sent in
 * {@code traceparent} through API Gateway is the one the invocation's lines carry.
 */
@QuarkusTest
class JsonLogsApiGatewayTest extends EmbeddedUpstreamTest {

    @Test
    void anInvocationsLogLineIsJsonWithTheCallersTraceTheAppAndTheKeyHash() throws Exception {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        try (ConsoleJsonLines console = new ConsoleJsonLines("io.realtimegateway")) {
            Map<String, Object> body = body(prompts(2, 20));
            body.put("connectionKey", "user-8@example.com");
            given().contentType("application/json").header("traceparent", "00-" + trace + "-b7ad6b7169203331-01").body(body)
                    .post("/v1/realtime/" + Fixtures.FLUX)
                    .then().statusCode(200);

            JsonNode settled = JsonLogAssertions.assertInvocationLogged(console.records(), console.lines(), Fixtures.FLUX,
                    "user-8@example.com", "a lighthouse in a storm");
            assertEquals(trace, settled.path("mdc").path("traceId").asText());
        }
    }
}
