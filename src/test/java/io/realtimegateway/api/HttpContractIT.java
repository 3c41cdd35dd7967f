package io.realtimegateway.api;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.realtimegateway.Fixtures;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The HTTP contract as the packaged app answers it: the jar, or the native executable with -Pnative, where whatever
 * is reached only by reflection, resources or serialization (records written by Jackson, the PNG writer's zlib,
 * msgpack's buffers, SSE, error rendering) fails only at run time. Black box: requests in, answers checked.
 */
@QuarkusIntegrationTest
class HttpContractIT {

    /** One input per app, and the images it must come back with: how many, and their size. */
    static Stream<Arguments> everyApp() {
        return Stream.of(
                Arguments.of(Fixtures.FLUX, Map.of("prompt", "a fox", "image_size", Map.of("width", 96, "height", 64), "seed", 1), 1, 96, 64),
                Arguments.of(Fixtures.SDXL, Map.of("prompt", "a cat", "image_size", "square", "num_images", 2, "seed", 2), 2, 512, 512),
                Arguments.of(Fixtures.LCM, Map.of("prompt", "autumn", "image_url", "data:image/png;base64,iVBORw0KGgo=",
                        "image_size", Map.of("width", 128, "height", 96), "seed", 3), 1, 128, 96),
                Arguments.of(Fixtures.LTX, Map.of("prompt", "waves", "num_frames", 3, "seed", 4), 3, 768, 512),
                Arguments.of(Fixtures.COGVIDEOX, Map.of("prompt", "a train", "num_frames", 2, "seed", 5), 2, 720, 480));
    }

    @ParameterizedTest
    @MethodSource("everyApp")
    void eachAppAnswersWithPngsOfTheRequestedSize(String app, Map<String, Object> input, int images, int width, int height) {
        JsonPath response = given().contentType("application/json").body(body(List.of(input))).post("/v1/realtime/" + app)
                .then().statusCode(200).contentType(startsWith("application/json")).extract().jsonPath();

        assertEquals(app, response.getString("app"));
        assertEquals("ok", response.getString("results[0].status"));
        assertEquals(input.get("seed"), response.getInt("results[0].output.seed"));
        List<String> urls = response.getList("results[0].output.images.url");
        assertEquals(images, urls.size());
        for (String url : urls) {
            BufferedImage image = Fixtures.decodePng(url);
            assertEquals(List.of(width, height), List.of(image.getWidth(), image.getHeight()));
        }
        assertEquals(1, response.getInt("summary.ok"));
    }

    @Test
    void theStreamSendsEachResultThenTheSummaryAsJsonEvents() {
        String stream = given().contentType("application/json").body(body(prompts(2, 30))).accept("text/event-stream")
                .post("/v1/realtime/" + Fixtures.FLUX + "/stream").then().statusCode(200).contentType(startsWith("text/event-stream"))
                .extract().asString();

        List<String> events = stream.lines().filter(line -> line.startsWith("event:")).map(line -> line.substring(6).trim()).toList();
        assertEquals(List.of("result", "result", "summary"), events);
        List<JsonPath> data = stream.lines().filter(line -> line.startsWith("data:")).map(line -> JsonPath.from(line.substring(5))).toList();
        assertEquals(List.of(30, 31), List.of(data.get(0).getInt("output.seed"), data.get(1).getInt("output.seed")));
        assertEquals(2, data.get(2).getInt("ok"));
    }

    @Test
    void theAppListNamesTheFiveApps() {
        given().get("/v1/apps").then().statusCode(200)
                .body("id", equalTo(List.of(Fixtures.FLUX, Fixtures.SDXL, Fixtures.LCM, Fixtures.LTX, Fixtures.COGVIDEOX)))
                .body("find { it.id == 'fal-ai/lcm-sd15-i2i' }.requiresOneOf", equalTo(List.of("image_url", "image_bytes")));
    }

    @ParameterizedTest
    @MethodSource("io.realtimegateway.api.BadRequestTest#badBodies")
    void aBadBodyIsAJson400NamingTheProblem(String body, String message) {
        given().contentType("application/json").body(body).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(400).contentType(startsWith("application/json"))
                .body("error.code", equalTo("INVALID_INPUT"))
                .body("error.message", containsString(message));
    }

    /**
     * Refusals that come from elsewhere than the body parser: each its own status, all the same JSON error body. A body
     * over the limit (413) is not among them: the gateway answers it before reading the body and closes, which a client
     * that writes its whole body first meets as a broken pipe; HttpEdgeIT sends it over a raw socket that reads while
     * it writes.
     */
    static Stream<Arguments> refusals() {
        String oneInput = "{\"inputs\":[{\"prompt\":\"x\"}]}";
        return Stream.of(
                Arguments.of("POST", "/v1/realtime/evil.com/x", "application/json", oneInput, 400, "INVALID_INPUT"),
                Arguments.of("POST", "/v1/realtime/someone-else/an-app", "application/json", oneInput, 404, "APP_NOT_FOUND"),
                Arguments.of("POST", "/v1/realtime/fal-ai/not-a-realtime-app", "application/json", oneInput, 404, "APP_NOT_FOUND"),
                Arguments.of("POST", "/v1/realtime/" + Fixtures.FLUX, "text/plain", "prompt=x", 415, "INVALID_INPUT"),
                Arguments.of("POST", "/v2/anything", "application/json", oneInput, 404, "INVALID_INPUT"),
                Arguments.of("GET", "/v1/realtime/" + Fixtures.FLUX, "application/json", "", 405, "INVALID_INPUT"),
                Arguments.of("POST", "/realtime", "application/json", oneInput, 400, "INVALID_INPUT"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void everyRefusalIsAJsonErrorBody(String method, String path, String contentType, String body, int status, String code) {
        RequestSpecification request = given().urlEncodingEnabled(false).contentType(contentType);
        (body.isEmpty() ? request : request.body(body)).request(method, path)
                .then().statusCode(status).contentType(startsWith("application/json"))
                .body("error.code", equalTo(code))
                .body("error.message", not(emptyOrNullString()));
    }
}
