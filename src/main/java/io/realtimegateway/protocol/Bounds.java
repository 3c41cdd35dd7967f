package io.realtimegateway.protocol;

/** Range checks whose failures read the same everywhere. */
public final class Bounds {

    private Bounds() {
    }

    /** @throws RealtimeException {@code INVALID_INPUT} naming the field when the value is out of range */
    public static long check(String field, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new RealtimeException(ErrorCode.INVALID_INPUT,
                    field + " must be between " + min + " and " + max + unit + " (inclusive); got " + value);
        }
        return value;
    }
}
