package io.realtimegateway.protocol;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * fal's real-time apps may return an image's raw bytes in {@code images[].content} (msgpack bin) instead of
 * a {@code url}. JSON callers cannot take bytes, so such images get a {@code data:} URI {@code url}.
 */
public final class OutputImages {

    private OutputImages() {
    }

    /** The output with every {@code images[].content} byte array turned into a {@code data:} URI url. */
    public static Map<String, Object> inlineContent(Map<String, Object> output) {
        if (!(output.get("images") instanceof List<?> images) || images.stream().noneMatch(OutputImages::hasBytes)) {
            return output;
        }
        Map<String, Object> copy = new LinkedHashMap<>(output);
        copy.put("images", images.stream().map(image -> hasBytes(image) ? withUrl((Map<?, ?>) image) : image).toList());
        return copy;
    }

    public static String dataUri(String contentType, byte[] bytes) {
        return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private static boolean hasBytes(Object image) {
        return image instanceof Map<?, ?> map && map.get("content") instanceof byte[];
    }

    private static Map<String, Object> withUrl(Map<?, ?> image) {
        Map<String, Object> copy = new LinkedHashMap<>();
        image.forEach((key, value) -> copy.put(String.valueOf(key), value));
        Object type = copy.getOrDefault("content_type", "image/png");
        copy.put("url", dataUri(String.valueOf(type), (byte[]) copy.remove("content")));
        return copy;
    }
}
