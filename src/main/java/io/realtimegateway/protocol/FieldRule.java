package io.realtimegateway.protocol;

import java.util.Base64;
import java.util.regex.Pattern;

/** What one input field accepts; {@link #problem} says in words what is wrong with a value. */
public sealed interface FieldRule {

    /** The JSON type shown in the app listing. */
    String type();

    /** The accepted values in words, as shown in the app listing and in error messages. */
    String accepts();

    /** Whether the field may hold this value. */
    boolean allows(Object value);

    /** Null when the value is acceptable, else what is wrong with it. */
    default String problem(Object value) {
        return allows(value) ? null : "must be " + accepts();
    }

    record Text(int minLength, int maxLength) implements FieldRule {
        public String type() {
            return "string";
        }

        public String accepts() {
            return "a string of " + minLength + " to " + maxLength + " characters";
        }

        public boolean allows(Object value) {
            return value instanceof String s && s.length() >= minLength && s.length() <= maxLength;
        }
    }

    record WholeNumber(long min, long max) implements FieldRule {
        public String type() {
            return "integer";
        }

        public String accepts() {
            return min == Long.MIN_VALUE ? "a whole number" : "a whole number from " + min + " to " + max;
        }

        public boolean allows(Object value) {
            return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())
                    && n.doubleValue() >= min && n.doubleValue() <= max;
        }
    }

    record Decimal(double min, double max) implements FieldRule {
        public String type() {
            return "number";
        }

        public String accepts() {
            return "a number from " + format(min) + " to " + format(max);
        }

        public boolean allows(Object value) {
            return value instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max;
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

        public boolean allows(Object value) {
            return value instanceof Boolean;
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

        public boolean allows(Object value) {
            return ImageSize.parse(value) != null;
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

        public boolean allows(Object value) {
            return value instanceof String s && URL.matcher(s).matches();
        }
    }

    /** Raw bytes: msgpack bin from Java callers, base64 text from JSON callers. */
    record Bytes() implements FieldRule {
        public String type() {
            return "bytes";
        }

        public String accepts() {
            return "non-empty bytes (base64 text in JSON)";
        }

        public boolean allows(Object value) {
            if (value instanceof byte[] bytes) {
                return bytes.length > 0;
            }
            if (value instanceof String text && !text.isEmpty()) {
                try {
                    Base64.getDecoder().decode(text);
                    return true;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
            return false;
        }
    }

}
