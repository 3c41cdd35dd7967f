package io.realtimegateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.invocation.InvocationRequestParser;

/** Health, metrics and the OpenAPI document, where Quarkus users expect them. */
@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void healthIsUp() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusText() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theOpenApiDocumentDescribesTheContract() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/v1/realtime/{owner}/{alias}"))
                .body(containsString("/v1/apps"))
                .body(containsString("throttleIntervalMs"));
    }

    @Test
    void theOpenApiRequestSchemaNamesExactlyTheFieldsTheParserTakes() {
        Map<String, Object> properties = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath()
                .getMap("components.schemas.InvocationRequest.properties");
        assertEquals(new TreeSet<>(InvocationRequestParser.fields()), new TreeSet<>(properties.keySet()),
                "api/InvocationRequestSchema must describe every field InvocationRequestParser takes, and no other");
    }
}
