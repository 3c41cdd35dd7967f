package io.realtimegateway.api;

import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.Fixtures;
import io.restassured.path.json.JsonPath;

/** The Funqy function {@code realtime} over HTTP: the same request with an "app" field, the same response. */
@QuarkusTest
class RealtimeFunctionTest {

    @Test
    void theFunctionAnswersLikeTheRestResource() {
        JsonPath viaFunction = given().contentType("application/json").body(Map.of("app", Fixtures.FLUX, "inputs", prompts(3, 40)))
                .post("/realtime").then().statusCode(200).extract().jsonPath();
        JsonPath viaRest = RealtimeResourceTest.invoke(Fixtures.FLUX, Map.of("inputs", prompts(3, 40)));

        assertEquals(viaRest.getString("app"), viaFunction.getString("app"));
        assertEquals(viaRest.getList("results.index"), viaFunction.getList("results.index"));
        assertEquals(viaRest.getList("results.output.seed"), viaFunction.getList("results.output.seed"));
        // Deterministic outputs: the same inputs give the same images either way.
        assertEquals(viaRest.getList("results.output.images.url"), viaFunction.getList("results.output.images.url"));
        assertEquals(viaRest.getMap("summary").keySet(), viaFunction.getMap("summary").keySet());
    }

    @Test
    void perInputErrorsAreReportedPerItem() {
        JsonPath response = given().contentType("application/json")
                .body(Map.of("app", Fixtures.SDXL, "inputs", List.of(Map.of("prompt", "fine", "seed", 1), Map.of("seed", 2))))
                .post("/realtime").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("ok", "error"), response.getList("results.status"));
        assertEquals("INVALID_INPUT", response.getString("results[1].error.code"));
    }
}
