package io.realtimegateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.Fixtures;
import io.realtimegateway.RawHttp;
import io.realtimegateway.RawHttp.Response;
import io.realtimegateway.api.HttpEdgeTest.Endpoint;
import io.restassured.path.json.JsonPath;

/**
 * Image-to-image with real-size source images, tens to hundreds of KB as {@code data:} URIs, on every endpoint:
 * each body arrives whole and {@code lcm-sd15-i2i} answers in its source image's size. Black-box ({@code LargeInputsIT}).
 */
@QuarkusTest
class LargeInputsTest {

    /** A JPEG of 46 KB and PNGs of 28, 90 and 164 KB (bodies up to 218 KB): noise, so they do not compress away. */
    record Source(String format, int width, int height) {
    }

    static final List<Source> SOURCES = List.of(new Source("jpg", 320, 240), new Source("png", 96, 96), new Source("png", 200, 150),
            new Source("png", 272, 200));

    @TestHTTPResource("/")
    URI base;

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void imageToImageAnswersInTheSizeOfARealSourceImage(Endpoint endpoint) {
        long limit = bodyLimit();
        for (Source source : SOURCES) {
            byte[] image = noise(source, source.width() * 31 + source.height());
            String dataUri = "data:image/" + (source.format().equals("jpg") ? "jpeg" : "png") + ";base64," + Base64.getEncoder().encodeToString(image);
            String body = endpoint.body("\"inputs\":[{\"prompt\":\"make it autumn\",\"image_url\":\"" + dataUri + "\",\"strength\":0.6,\"seed\":5}]")
                    .replace("fal-ai/flux-lora-realtime", Fixtures.LCM);
            assertTrue(body.length() <= limit, () -> "the test's bodies fit the limit of " + limit + " bytes: " + body.length());

            Response answer = RawHttp.exchange(base, RawHttp.post(endpoint.path.replace("fal-ai/flux-lora-realtime", Fixtures.LCM), body));
            assertEquals(200, answer.status(), answer::text);
            JsonPath result = result(endpoint, answer);
            assertEquals("ok", result.getString("status"), () -> "a " + image.length + "-byte " + source + ": " + result.prettify());
            BufferedImage output = Fixtures.decodePng(result.getString("output.images[0].url"));
            assertEquals(source.width(), output.getWidth(), () -> "width of the answer to a " + image.length + "-byte " + source);
            assertEquals(source.height(), output.getHeight(), () -> "height of the answer to a " + image.length + "-byte " + source);
        }
    }

    /** The single result of a one-input invocation, from the JSON answer or the stream's {@code result} event. */
    private static JsonPath result(Endpoint endpoint, Response answer) {
        if (endpoint != Endpoint.STREAM) {
            return new JsonPath(answer.json().prettify()).setRootPath("results[0]");
        }
        String data = answer.text().lines().filter(line -> line.startsWith("data:") && line.contains("\"index\""))
                .findFirst().orElseThrow(() -> new AssertionError("no result event in " + answer.text())).substring("data:".length());
        return new JsonPath(data);
    }

    private long bodyLimit() {
        HttpEdgeTest edge = new HttpEdgeTest();
        edge.base = base;
        return edge.bodyLimit();
    }

    /** An image of random pixels (seeded): it compresses hardly at all, so its size is its weight. */
    static byte[] noise(Source source, long seed) {
        BufferedImage image = new BufferedImage(source.width(), source.height(), BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < source.height(); y++) {
            for (int x = 0; x < source.width(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, source.format(), out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
