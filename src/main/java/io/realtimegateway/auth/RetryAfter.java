package io.realtimegateway.auth;

import java.time.Duration;

/** Reads an HTTP {@code Retry-After} header given in seconds (the form rate limiters use). */
public final class RetryAfter {

    private static final long MAX_SECONDS = 3600;

    private RetryAfter() {
    }

    /** The delay, or null when the header is absent or not a sane number of seconds. */
    public static Duration parse(String header) {
        if (header == null || !header.trim().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Math.min(Long.parseLong(header.trim()), MAX_SECONDS));
    }
}
