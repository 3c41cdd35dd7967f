package io.realtimegateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.realtimegateway.Fixtures;
import io.realtimegateway.NodeProject;

/**
 * The playground at {@code /} in a real browser: Debian's chromium driven by puppeteer-core (pinned in
 * {@code src/test/js/package.json}) runs {@code playground-check.mjs}, which uses the page as a person would and reports
 * what it showed; screenshots land in {@code target/playground/}. Black box, so that it runs against the packaged app
 * too ({@link PlaygroundBrowserIT}); {@link PlaygroundBrowserTest} adds what only the embedded upstream's own counters
 * can tell.
 */
abstract class PlaygroundInBrowser {

    static final Path SCREENSHOTS = Path.of("target", "playground");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @TestHTTPResource("/")
    URL page;

    @Test
    void thePageAndItsAssetsAreServedAtTheRootWithTheUpstreamItDrives() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html")).body(containsString("/playground/playground.js"));
        given().get("/playground/playground.js").then().statusCode(200).body(containsString("serverSentEvents"));
        given().get("/playground/settings.json").then().statusCode(200).body("upstream", equalTo("embedded"));
    }

    @Test
    void imagesRenderInvalidInputsShowTheirCodeAndLiveModeReplacesTheImage() throws Exception {
        NodeProject.requireExecutable(CHROMIUM, "apt-get install -y chromium (.ci/run installs it when missing)");
        NodeProject scripts = NodeProject.TEST_SCRIPTS.require();
        Files.createDirectories(SCREENSHOTS);
        Path source = SCREENSHOTS.resolve("source.png");
        ImageIO.write(photoLike(1200, 800), "png", source.toFile());
        // A real-size upload: its data: URI is far beyond the 10 KB where request bodies once broke (quarkus#48777).
        assertTrue(Files.size(source) > 200_000, "a photo-sized source: " + Files.size(source));
        OptionalLong sdxlConnections = sdxlConnections();

        String line = scripts.run("playground-check.mjs", Map.of("GATEWAY_URL", page.toString(), "SOURCE_IMAGE", source.toAbsolutePath().toString(),
                "SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString(), "CHROMIUM", CHROMIUM.toString()), Duration.ofMinutes(3));
        Files.writeString(SCREENSHOTS.resolve("report.json"), line);
        JsonNode report = new ObjectMapper().readTree(line);

        assertEquals(List.of(), report.get("pageErrors").findValuesAsText("message"), "no script errors: " + report.get("pageErrors"));
        assertEquals(List.of(Fixtures.FLUX, Fixtures.SDXL, Fixtures.LCM, Fixtures.LTX, Fixtures.COGVIDEOX), texts(report.get("apps")));
        assertTrue(report.get("upstream").asText().startsWith("embedded upstream"), report.get("upstream").asText());

        JsonNode batch = report.get("batch");
        assertEquals(3, batch.get("cards").size(), batch.toString());
        for (JsonNode card : batch.get("cards")) {
            assertEquals("ok", card.get("status").asText(), card.toString());
            assertTrue(card.get("decoded").asBoolean(), "the browser decoded the image: " + card);
            assertEquals(512, card.get("naturalWidth").asInt(), "the default size, square: " + card);
            assertEquals(512, card.get("naturalHeight").asInt());
            assertTrue(card.get("meta").asText().matches(".*1 attempt\\d+(\\.\\d)? ms"), "latency and attempts shown: " + card.get("meta"));
        }
        assertTrue(batch.get("summary").asText().startsWith("3 ok0 failed0 reconnects"), batch.get("summary").asText());

        JsonNode invalid = report.at("/invalid/cards/0");
        assertEquals("error", invalid.get("status").asText(), invalid.toString());
        assertEquals("INVALID_INPUT", invalid.get("code").asText());
        assertEquals("num_inference_steps: must be a whole number from 1 to 12", invalid.get("message").asText());

        JsonNode imageToImage = report.get("imageToImage");
        // Scaled to 768 px on its long side and sent as a data: URI of tens of KB.
        java.util.regex.Matcher upload = java.util.regex.Pattern.compile("source\\.png · 768×512(\\d+) KB data: URI.*").matcher(report.get("upload").asText());
        assertTrue(upload.matches() && Integer.parseInt(upload.group(1)) >= 50, report.get("upload").asText());
        assertNull(imageToImage.get("banner").textValue(), "the upload was accepted: " + imageToImage);
        assertEquals("ok", imageToImage.at("/cards/0/status").asText(), imageToImage.toString());
        assertTrue(imageToImage.at("/cards/0/decoded").asBoolean());
        // The model answers in its source's size.
        assertEquals(768, imageToImage.at("/cards/0/naturalWidth").asInt(), imageToImage.toString());
        assertEquals(512, imageToImage.at("/cards/0/naturalHeight").asInt(), imageToImage.toString());

        JsonNode live = report.get("live");
        assertTrue(live.get("replaced").asBoolean(), live.toString());
        assertEquals(1, live.get("images").asInt(), "the newest image replaces the last, it is not added");
        assertTrue(live.get("frame").asInt() > live.get("firstFrame").asInt(), live.toString());
        assertTrue(live.get("naturalWidth").asInt() > 0);
        List<String> keys = texts(report.get("liveKeys"));
        assertTrue(keys.size() >= 2 && keys.stream().distinct().count() == 1 && keys.get(0).startsWith("playground-"),
                "every live send names the page's one connectionKey: " + keys);
        sdxlConnections.ifPresent(before -> assertEquals(before + 1, sdxlConnections().getAsLong(), "and rides its one upstream connection"));
        assertTrue(Files.size(SCREENSHOTS.resolve("playground-batch.png")) > 10_000);
    }

    /** How many connections the upstream has had for SDXL, where the test can read its counters; empty where it cannot. */
    protected OptionalLong sdxlConnections() {
        return OptionalLong.empty();
    }

    /** Smooth colour fields with a fixed grain: compresses like a photograph, the same bytes every run. */
    private static BufferedImage photoLike(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random grain = new java.util.Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = grain.nextInt(24) - 12;
                int red = clamp(120 + (int) (80 * Math.sin(x / 90.0)) + noise);
                int green = clamp(100 + (int) (70 * Math.cos(y / 70.0)) + noise);
                int blue = clamp(140 + (int) (60 * Math.sin((x + y) / 150.0)) + noise);
                image.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        return image;
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
