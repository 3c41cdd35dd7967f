package io.realtimegateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

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
}
