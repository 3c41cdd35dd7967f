package io.realtimegateway.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An image's pixel size, from fal's presets or explicit width and height. */
public record ImageSize(int width, int height) {

    public static final int MIN_SIDE = 64;
    public static final int MAX_SIDE = 2048;

    /** fal's named sizes, in the order its schemas list them. */
    public static final Map<String, ImageSize> PRESETS = presets();

    /** The size a value names, or null when it names none. */
    public static ImageSize parse(Object value) {
        if (value instanceof String name) {
            return PRESETS.get(name);
        }
        if (value instanceof Map<?, ?> map && map.get("width") instanceof Number w && map.get("height") instanceof Number h
                && isSide(w) && isSide(h)) {
            return new ImageSize(w.intValue(), h.intValue());
        }
        return null;
    }

    /** Both sides within the range apps paint ({@link #MIN_SIDE} to {@link #MAX_SIDE}). */
    public boolean paintable() {
        return isSide(width) && isSide(height);
    }

    public double megapixels() {
        return width * (double) height / 1_000_000;
    }

    private static boolean isSide(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && d >= MIN_SIDE && d <= MAX_SIDE;
    }

    private static Map<String, ImageSize> presets() {
        Map<String, ImageSize> presets = new LinkedHashMap<>();
        presets.put("square_hd", new ImageSize(1024, 1024));
        presets.put("square", new ImageSize(512, 512));
        presets.put("portrait_4_3", new ImageSize(768, 1024));
        presets.put("portrait_16_9", new ImageSize(576, 1024));
        presets.put("landscape_4_3", new ImageSize(1024, 768));
        presets.put("landscape_16_9", new ImageSize(1024, 576));
        return Collections.unmodifiableMap(presets);
    }
}
