package io.realtimegateway.protocol;

import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/** What one input field accepts. {@link #problem} says, in words, what is wrong with a value, or null. */
public sealed interface FieldRule {

    /** The JSON type shown in the app listing. */
    String type();

    /** The accepted values in words, as shown in the app listing and in error messages. */
    String accepts();

    /** Null when the value is acceptable, else what is wrong with it. */
    String problem(Object value);

    record Text(int minLength, int maxLength) implements FieldRule {
        public String type() {
            return "string";
        }

        public String accepts() {
            return "a string of " + minLength + " to " + maxLength + " characters";
        }

        public String problem(Object value) {
            return value instanceof String s && s.length() >= minLength && s.length() <= maxLength ? null : "must be " + accepts();
        }
    }

    record WholeNumber(long min, long max) implements FieldRule {
        public String type() {
            return "integer";
        }

        public String accepts() {
            return min == Long.MIN_VALUE ? "a whole number" : "a whole number from " + min + " to " + max;
        }

        public String problem(Object value) {
            boolean whole = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue());
            return whole && ((Number) value).doubleValue() >= min && ((Number) value).doubleValue() <= max ? null : "must be " + accepts();
        }
    }

    record Decimal(double min, double max) implements FieldRule {
        public String type() {
            return "number";
        }

        public String accepts() {
            return "a number from " + format(min) + " to " + format(max);
        }

        public String problem(Object value) {
            return value instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max ? null : "must be " + accepts();
        }

        private static String format(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    record Flag() implements FieldRule {
        public String type() {
            return "boolean";
        }

        public String accepts() {
            return "true or false";
        }

        public String problem(Object value) {
            return value instanceof Boolean ? null : "must be " + accepts();
        }
    }

    /** A preset name such as {@code landscape_16_9}, or {@code {"width":w,"height":h}}. */
    record ImageSizeChoice() implements FieldRule {
        public String type() {
            return "image_size";
        }

        public String accepts() {
            return "one of " + String.join(", ", ImageSize.PRESETS.keySet()) + ", or {\"width\":w,\"height\":h} with each from "
                    + ImageSize.MIN_SIDE + " to " + ImageSize.MAX_SIDE;
        }

        public String problem(Object value) {
            return ImageSize.parse(value) != null ? null : "must be " + accepts();
        }
    }

    /** An image given by reference: an http(s) URL or a {@code data:} URI. */
    record ImageReference() implements FieldRule {
        private static final Pattern URL = Pattern.compile("(https?://[^\\s/$.?#][^\\s]*|data:[^\\s,]*,[^\\s]*)", Pattern.CASE_INSENSITIVE);

        public String type() {
            return "url";
        }

        public String accepts() {
            return "an http(s) URL or a data: URI";
        }

        public String problem(Object value) {
            return value instanceof String s && URL.matcher(s).matches() ? null : "must be " + accepts();
        }
    }

    /** Raw bytes: msgpack bin from Java callers, base64 text from JSON callers. */
    record Bytes() implements FieldRule {
        public String type() {
            return "bytes";
        }

        public String accepts() {
            return "bytes (base64 text in JSON)";
        }

        public String problem(Object value) {
            if (value instanceof byte[] bytes) {
                return bytes.length > 0 ? null : "must not be empty";
            }
            if (value instanceof String text && !text.isEmpty()) {
                try {
                    Base64.getDecoder().decode(text);
                    return null;
                } catch (IllegalArgumentException e) {
                    return "must be " + accepts();
                }
            }
            return "must be " + accepts();
        }
    }

    /** For the app listing. */
    default Map<String, String> describe() {
        return Map.of("type", type(), "accepts", accepts());
    }
}
