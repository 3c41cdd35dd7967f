package io.realtimegateway.api;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompt;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.config.SimulatorConfig.ResultFormat;
import io.realtimegateway.simulator.SimulatorSettings.Latency;
import io.restassured.path.json.JsonPath;

/** {@code POST /v1/realtime/{owner}/{alias}} end to end: gateway, real sockets, the embedded upstream. */
@QuarkusTest
class RealtimeResourceTest extends EmbeddedUpstreamTest {

    @Test
    void fluxReturnsOneImageOfTheRequestedSizePerInput() {
        Map<String, Object> input = new LinkedHashMap<>(Map.of("prompt", "a serene mountain landscape at sunset",
                "image_size", "landscape_16_9", "num_inference_steps", 4, "guidance_scale", 3.5, "seed", 7));
        JsonPath response = invoke(Fixtures.FLUX, body(List.of(input, prompt("a second take", 8))));

        assertEquals("fal-ai/flux-lora-realtime", response.getString("app"));
        assertEquals(List.of(0, 1), response.getList("results.index"));
        assertEquals(Set.of("index", "status", "output", "attempts", "latencyMs"), response.getMap("results[0]").keySet());
        assertEquals(List.of("ok", "ok"), response.getList("results.status"));
        assertEquals(List.of(1, 1), response.getList("results.attempts"));
        assertImage(response.getString("results[0].output.images[0].url"), 1024, 576);
        assertEquals(7, response.getInt("results[0].output.seed"));
        assertEquals(List.of(false), response.getList("results[0].output.has_nsfw_concepts"));
        assertEquals("image/png", response.getString("results[0].output.images[0].content_type"));
        assertEquals(2, response.getInt("summary.ok"));
        assertEquals(0, response.getInt("summary.failed"));
        assertEquals(64, response.getInt("summary.effectiveThrottleMs"));
    }

    @Test
    void sdxlTurboDefaultsToSquare512() {
        JsonPath response = invoke(Fixtures.SDXL, body(List.of(Map.of("prompt", "a cat in a hat", "seed", 3))));
        assertImage(response.getString("results[0].output.images[0].url"), 512, 512);
    }

    @Test
    void lcmTakesASourceImageAndReportsItsOwnNsfwField() {
        Map<String, Object> input = Map.of("prompt", "make it autumn", "image_url", "data:image/png;base64,iVBORw0KGgo=", "strength", 0.6,
                "image_size", Map.of("width", 128, "height", 96), "num_images", 2, "seed", 11);
        JsonPath response = invoke(Fixtures.LCM, body(List.of(input)));
        assertEquals(2, response.getList("results[0].output.images").size());
        assertImage(response.getString("results[0].output.images[1].url"), 128, 96);
        assertEquals(List.of(false, false), response.getList("results[0].output.nsfw_content_detected"));
    }

    @Test
    void videoAppsReturnTheirFramesAsImages() {
        JsonPath ltx = invoke(Fixtures.LTX, body(List.of(Map.of("prompt", "waves at dusk", "num_frames", 3, "seed", 5))));
        assertEquals(3, ltx.getList("results[0].output.images").size());
        assertImage(ltx.getString("results[0].output.images[2].url"), 768, 512);

        JsonPath cog = invoke(Fixtures.COGVIDEOX, body(List.of(Map.of("prompt", "a train in the rain", "num_frames", 2))));
        assertEquals(2, cog.getList("results[0].output.images").size());
        assertImage(cog.getString("results[0].output.images[0].url"), 720, 480);
    }

    @Test
    void twentyInputsComeBackInInputOrderEachWithItsOwnSeed() {
        JsonPath response = invoke(Fixtures.FLUX, body(prompts(20, 100)));
        List<Integer> expectedSeeds = new ArrayList<>();
        List<Integer> expectedIndexes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expectedSeeds.add(100 + i);
            expectedIndexes.add(i);
        }
        assertEquals(expectedIndexes, response.getList("results.index"));
        assertEquals(expectedSeeds, response.getList("results.output.seed"));
        assertEquals(20, response.getInt("summary.ok"));
    }

    @Test
    void resultsSentAsJsonTextFramesWorkTheSame() {
        simulator.update(s -> s.resultFormat(ResultFormat.JSON));
        JsonPath response = invoke(Fixtures.FLUX, body(prompts(3, 1)));
        assertEquals(List.of(1, 2, 3), response.getList("results.output.seed"));
    }

    @Test
    void invalidInputsAreRejectedLocallyAndNeverSentWhileTheOthersGetResults() {
        long sentBefore = simulator.stats().inputs(Fixtures.FLUX);
        List<Map<String, Object>> inputs = List.of(prompt("fine", 1), Map.of("seed", 2), prompt("also fine", 3),
                Map.of("prompt", "too many steps", "num_inference_steps", 99));
        JsonPath response = invoke(Fixtures.FLUX, body(inputs));

        assertEquals(List.of("ok", "error", "ok", "error"), response.getList("results.status"));
        assertEquals("INVALID_INPUT", response.getString("results[1].error.code"));
        assertEquals("prompt: field required", response.getString("results[1].error.message"));
        assertEquals("num_inference_steps: must be a whole number from 1 to 12", response.getString("results[3].error.message"));
        assertEquals(0, response.getInt("results[1].attempts"));
        assertEquals(List.of(1, 3), List.of(response.getInt("results[0].output.seed"), response.getInt("results[2].output.seed")));
        assertEquals(2, simulator.stats().inputs(Fixtures.FLUX) - sentBefore);
        assertEquals(2, response.getInt("summary.failed"));
    }

    @Test
    void aConnectionKeyReusesOneLiveConnectionAcrossInvocations() {
        long before = simulator.stats().connections(Fixtures.FLUX);
        Map<String, Object> body = body(prompts(2, 1));
        body.put("connectionKey", "reuse-test");

        JsonPath first = invoke(Fixtures.FLUX, body);
        JsonPath second = invoke(Fixtures.FLUX, body);

        assertEquals("reuse-test", first.getString("connectionKey"));
        assertEquals(List.of(1, 2), second.getList("results.output.seed"));
        assertEquals(1, simulator.stats().connections(Fixtures.FLUX) - before);

        body.put("connectionKey", "another-key");
        invoke(Fixtures.FLUX, body);
        assertEquals(2, simulator.stats().connections(Fixtures.FLUX) - before);
    }

    @Test
    void withoutAConnectionKeyASocketLeftCleanIsReusedWarmByTheNextInvocation() {
        long before = simulator.stats().connections(Fixtures.COGVIDEOX);
        Map<String, Object> body = Map.of("inputs", List.of(Map.of("prompt", "a train", "num_frames", 1, "seed", 3)));
        JsonPath first = invoke(Fixtures.COGVIDEOX, body);
        invoke(Fixtures.COGVIDEOX, body);
        assertEquals(null, first.getString("connectionKey"));
        assertEquals(1, simulator.stats().connections(Fixtures.COGVIDEOX) - before);
    }

    @Test
    void theNextHolderOfAWarmSocketIsNotHeldBackByItsOwnPacingCountedFromTheLastHoldersSend() {
        long before = simulator.stats().connections(Fixtures.COGVIDEOX);
        invoke(Fixtures.COGVIDEOX, Map.of("inputs", List.of(Map.of("prompt", "a tram", "num_frames", 1, "seed", 5)), "throttleIntervalMs", 64));
        // Counted from the first caller's send, a 10 s interval would hold this input past its 5 s deadline.
        JsonPath second = invoke(Fixtures.COGVIDEOX, Map.of("inputs", List.of(Map.of("prompt", "a tram", "num_frames", 1, "seed", 6)),
                "throttleIntervalMs", 10_000, "timeoutMs", 5_000));
        assertEquals(List.of("ok"), second.getList("results.status"));
        assertEquals(1, simulator.stats().connections(Fixtures.COGVIDEOX) - before);
    }

    @Test
    void concurrentInvocationsWithoutAKeyEachHaveTheirOwnSocket() throws Exception {
        simulator.update(s -> s.latency(new Latency(Duration.ofMillis(300), Duration.ZERO, Duration.ZERO)));
        long before = simulator.stats().connections(Fixtures.LTX);
        Map<String, Object> body = Map.of("inputs", List.of(Map.of("prompt", "waves", "num_frames", 1, "seed", 4)));
        ExecutorService callers = Executors.newFixedThreadPool(3);
        List<Future<JsonPath>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(callers.submit(() -> invoke(Fixtures.LTX, body)));
        }
        for (Future<JsonPath> call : calls) {
            assertEquals(List.of(4), call.get().getList("results.output.seed"));
        }
        callers.shutdown();
        assertEquals(3, simulator.stats().connections(Fixtures.LTX) - before);
    }

    @Test
    void parallelismSpreadsTheInputsOverThatManyConnectionsKeepingOneOutcomePerInputInOrder() {
        simulator.update(s -> s.latency(new Latency(Duration.ofMillis(10), Duration.ZERO, Duration.ZERO)));
        long before = simulator.stats().connections(Fixtures.SDXL);
        Map<String, Object> body = body(prompts(12, 500));
        body.put("parallelism", 4);
        body.put("throttleIntervalMs", 32);
        JsonPath response = invoke(Fixtures.SDXL, body);

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add(500 + i);
        }
        assertEquals(expected, response.getList("results.output.seed"));
        assertEquals(4, simulator.stats().connections(Fixtures.SDXL) - before);
    }

    @Test
    void keyedLanesAreReusedByTheNextInvocation() {
        long before = simulator.stats().connections(Fixtures.SDXL);
        Map<String, Object> body = body(prompts(6, 1));
        body.put("parallelism", 2);
        body.put("connectionKey", "lanes-" + System.nanoTime());
        assertEquals(body.get("connectionKey"), invoke(Fixtures.SDXL, body).getString("connectionKey"));
        invoke(Fixtures.SDXL, body);
        assertEquals(2, simulator.stats().connections(Fixtures.SDXL) - before);
    }

    @Test
    void theThrottleAskedForIsTheThrottleApplied() {
        Map<String, Object> body = body(prompts(3, 1));
        body.put("throttleIntervalMs", 40);
        assertEquals(40, invoke(Fixtures.FLUX, body).getInt("summary.effectiveThrottleMs"));
    }

    @Test
    void aDeadlineKeepsTheResultsThatArrivedAndTimesOutTheRest() {
        simulator.update(s -> s.latency(new Latency(Duration.ZERO, Duration.ofMillis(300), Duration.ZERO)));
        Map<String, Object> quick = new LinkedHashMap<>(prompt("quick", 1));
        quick.put("num_inference_steps", 1);
        Map<String, Object> slow = new LinkedHashMap<>(prompt("slow", 2));
        slow.put("num_inference_steps", 12);
        Map<String, Object> body = body(List.of(quick, slow));
        body.put("timeoutMs", 2000);

        JsonPath response = invoke(Fixtures.FLUX, body);
        assertEquals(List.of("ok", "error"), response.getList("results.status"));
        assertEquals("TIMEOUT", response.getString("results[1].error.code"));
        assertEquals("no result within the invocation's deadline of 2000 ms (timeoutMs)", response.getString("results[1].error.message"));
        assertEquals(1, response.getInt("results[1].attempts"), "the slow input was sent once before the deadline");
    }

    @Test
    void whenNothingArrivesBeforeTheDeadlineTheInvocationIsA504CountingWhatWasSent() {
        simulator.update(s -> s.latency(new Latency(Duration.ofSeconds(20), Duration.ZERO, Duration.ZERO)));
        Map<String, Object> body = body(prompts(3, 1));
        body.put("timeoutMs", 300);
        body.put("maxBuffering", 1);
        given().contentType("application/json").body(body).post("/v1/realtime/" + Fixtures.FLUX)
                .then().statusCode(504).body("error.code", equalTo("TIMEOUT"))
                .body("results.error.code", equalTo(List.of("TIMEOUT", "TIMEOUT", "TIMEOUT")))
                .body("results.attempts", equalTo(List.of(1, 0, 0)));
    }

    @Test
    void anAllowedAppTheUpstreamDoesNotKnowIsA404() {
        given().contentType("application/json").body(body(prompts(1, 1))).post("/v1/realtime/fal-ai/not-a-realtime-app")
                .then().statusCode(404).body("error.code", equalTo("APP_NOT_FOUND"))
                .body("error.message", containsString("no real-time app fal-ai/not-a-realtime-app"));
    }

    @Test
    void theStreamSendsAResultEventPerInputThenTheSummary() {
        String stream = given().contentType("application/json").body(body(prompts(3, 1))).accept("text/event-stream")
                .post("/v1/realtime/" + Fixtures.FLUX + "/stream").then().statusCode(200).extract().asString();
        List<String> events = stream.lines().filter(line -> line.startsWith("event:")).map(line -> line.substring(6).trim()).toList();
        assertEquals(List.of("result", "result", "result", "summary"), events);
        List<String> data = stream.lines().filter(line -> line.startsWith("data:")).toList();
        assertEquals(3, JsonPath.from(data.get(3).substring(5)).getInt("ok"));
        assertEquals("ok", JsonPath.from(data.get(0).substring(5)).getString("status"));
        assertEquals(List.of(), stream.lines().filter(line -> !line.isEmpty() && !line.startsWith("event:") && !line.startsWith("data:")).toList(),
                "each event has its name and its JSON, nothing else");
    }

    @Test
    void aStreamWithABadRequestIsAnOrdinaryErrorAnswer() {
        given().contentType("application/json").body(Map.of("inputs", List.of())).accept("text/event-stream")
                .post("/v1/realtime/" + Fixtures.FLUX + "/stream")
                .then().statusCode(400).body("error.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void theAppListHasTheFiveAppsWithTheirFields() {
        given().get("/v1/apps").then().statusCode(200)
                .body("id", hasSize(5))
                .body("find { it.id == 'fal-ai/flux-lora-realtime' }.fields.find { it.name == 'prompt' }.required", equalTo(true))
                .body("find { it.id == 'fal-ai/lcm-sd15-i2i' }.requiresOneOf", equalTo(List.of("image_url", "image_bytes")))
                .body("find { it.id == 'fal-ai/ltx-video-realtime' }.kind", equalTo("video"))
                .body("find { it.id == 'fal-ai/flux-lora-realtime' }.fields.find { it.name == 'num_inference_steps' }.minimum", equalTo(1))
                .body("find { it.id == 'fal-ai/flux-lora-realtime' }.fields.find { it.name == 'num_inference_steps' }.maximum", equalTo(12))
                .body("find { it.id == 'fal-ai/lcm-sd15-i2i' }.fields.find { it.name == 'strength' }.maximum", equalTo(1.0f))
                .body("find { it.id == 'fal-ai/flux-lora-realtime' }.fields.find { it.name == 'image_size' }.options",
                        equalTo(List.of("square_hd", "square", "portrait_4_3", "portrait_16_9", "landscape_4_3", "landscape_16_9")))
                .body("find { it.id == 'fal-ai/flux-lora-realtime' }.fields.find { it.name == 'seed' }", not(hasKey("minimum")));
    }

    static JsonPath invoke(String app, Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/v1/realtime/" + app)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void assertImage(String dataUri, int width, int height) {
        BufferedImage image = Fixtures.decodePng(dataUri);
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }
}
