package io.realtimegateway.protocol;

import java.util.Collection;
import java.util.Map;

/**
 * About how many bytes a decoded value takes as JSON text, without writing it: what an answer's size limit counts.
 * Strings count their characters (escapes aside), byte arrays their base64 form.
 */
public final class JsonSize {

    private JsonSize() {
    }

    public static long of(Object value) {
        if (value == null) {
            return 4;
        }
        if (value instanceof CharSequence text) {
            return text.length() + 2L;
        }
        if (value instanceof byte[] bytes) {
            return (bytes.length + 2L) / 3 * 4 + 2;
        }
        if (value instanceof Map<?, ?> map) {
            long size = 2 + Math.max(0, map.size() - 1);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += of(String.valueOf(entry.getKey())) + 1 + of(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> items) {
            long size = 2 + Math.max(0, items.size() - 1);
            for (Object item : items) {
                size += of(item);
            }
            return size;
        }
        return String.valueOf(value).length();
    }
}
