package io.realtimegateway.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.realtimegateway.protocol.ImageSize;
import io.realtimegateway.protocol.OutputImages;
import io.realtimegateway.protocol.RealtimeApp;

/**
 * What a seed app returns for a valid input, shaped like fal's outputs (see the {@code protocol} package), and how long it
 * pretends to think. Images are deterministic: the same prompt, seed and size give the same bytes.
 */
final class SimulatedModel {

    private static final int DEFAULT_STEPS = 4;
    private static final int DEFAULT_FRAMES = 9;
    private static final int CACHED_IMAGES = 256;
    static final String LATENCY_FIELD = "x_simulated_latency_ms";
    private static final long MAX_SIMULATED_LATENCY_MILLIS = 60_000;

    /** Benchmarks send the same inputs over and over: painting each once keeps the simulator off the profile. */
    private final Map<ImageKey, String> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ImageKey, String> eldest) {
            return size() > CACHED_IMAGES;
        }
    });

    private record ImageKey(String prompt, long seed, int frame, ImageSize size) {
    }

    /** The model's answer to a valid input. */
    Map<String, Object> run(RealtimeApp app, Map<String, Object> input, Duration inference) {
        String prompt = (String) input.get("prompt");
        long seed = input.get("seed") instanceof Number n ? n.longValue() : ThreadLocalRandom.current().nextLong(1L << 32);
        ImageSize size = app.imageSize(input);
        int images = app.kind() == RealtimeApp.Kind.VIDEO ? frames(input) : count(input, "num_images", 1);
        List<Map<String, Object>> outputs = new ArrayList<>(images);
        for (int i = 0; i < images; i++) {
            // Image batches get consecutive seeds; video frames share the seed and move the pattern.
            boolean video = app.kind() == RealtimeApp.Kind.VIDEO;
            String url = image(new ImageKey(prompt, video ? seed : seed + i, video ? i : 0, size));
            outputs.add(Map.of("url", url, "width", size.width(), "height", size.height(), "content_type", "image/png"));
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("images", outputs);
        output.put("seed", seed);
        output.put("timings", Map.of("inference", inference.toNanos() / 1e9));
        if (app.kind() != RealtimeApp.Kind.VIDEO) {
            List<Boolean> flags = Collections.nCopies(images, false);
            output.put(app.kind() == RealtimeApp.Kind.IMAGE_TO_IMAGE ? "nsfw_content_detected" : "has_nsfw_concepts", flags);
        }
        output.put("prompt", prompt);
        if (input.get("request_id") != null) {
            output.put("request_id", input.get("request_id"));
        }
        return output;
    }

    /**
     * Inference time under the latency model: per call, per step, per megapixel painted; or exactly what the
     * input's {@code x_simulated_latency_ms} asks for (for benchmarks and demos; fal's models ignore the field).
     */
    Duration inference(RealtimeApp app, Map<String, Object> input, SimulatorSettings.Latency latency) {
        if (input.get(LATENCY_FIELD) instanceof Number millis && millis.longValue() >= 0) {
            return Duration.ofMillis(Math.min(millis.longValue(), MAX_SIMULATED_LATENCY_MILLIS));
        }
        int steps = count(input, "num_inference_steps", DEFAULT_STEPS);
        int images = app.kind() == RealtimeApp.Kind.VIDEO ? frames(input) : count(input, "num_images", 1);
        double megapixels = app.imageSize(input).megapixels() * images;
        return latency.base().plus(latency.perStep().multipliedBy(steps))
                .plusNanos((long) (latency.perMegapixel().toNanos() * megapixels));
    }

    private String image(ImageKey key) {
        return cache.computeIfAbsent(key, k -> OutputImages.dataUri("image/png",
                ImagePainter.png(k.prompt(), k.seed(), k.frame(), k.size().width(), k.size().height())));
    }

    private static int frames(Map<String, Object> input) {
        return count(input, "num_frames", DEFAULT_FRAMES);
    }

    private static int count(Map<String, Object> input, String field, int fallback) {
        return input.get(field) instanceof Number n ? n.intValue() : fallback;
    }
}
