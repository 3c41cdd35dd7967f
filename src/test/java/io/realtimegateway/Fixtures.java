package io.realtimegateway;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/** Inputs and checks shared by the tests. */
public final class Fixtures {

    public static final String FLUX = "fal-ai/flux-lora-realtime";
    public static final String SDXL = "fal-ai/sdxl-turbo-realtime";
    public static final String LCM = "fal-ai/lcm-sd15-i2i";
    public static final String LTX = "fal-ai/ltx-video-realtime";
    public static final String COGVIDEOX = "fal-ai/cogvideox-realtime";

    private Fixtures() {
    }

    /** A small valid image input: small sizes keep the tests fast. */
    public static Map<String, Object> prompt(String prompt, int seed) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", prompt);
        input.put("image_size", Map.of("width", 64, "height", 64));
        input.put("num_inference_steps", 2);
        input.put("seed", seed);
        return input;
    }

    /** {@code count} valid inputs with seeds {@code firstSeed, firstSeed + 1, ...}. */
    public static List<Map<String, Object>> prompts(int count, int firstSeed) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inputs.add(prompt("a lighthouse in a storm, take " + i, firstSeed + i));
        }
        return inputs;
    }

    public static Map<String, Object> body(List<Map<String, Object>> inputs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inputs", inputs);
        return body;
    }

    /** Decodes a {@code data:image/png;base64,...} URL with the JDK's own PNG reader. */
    public static BufferedImage decodePng(String dataUri) {
        String prefix = "data:image/png;base64,";
        if (!dataUri.startsWith(prefix)) {
            throw new AssertionError("not a PNG data URI: " + dataUri.substring(0, Math.min(40, dataUri.length())));
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUri.substring(prefix.length()))));
            if (image == null) {
                throw new AssertionError("the PNG could not be decoded");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
