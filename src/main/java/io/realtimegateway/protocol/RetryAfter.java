package io.realtimegateway.protocol;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} header, in seconds or as an HTTP date, into a sane wait: at least a second and at
 * most {@link #MAX}, whatever the upstream wrote. A caller is never told (nor the gateway made) to stay away longer on
 * the upstream's word alone; it can always ask again.
 */
public final class RetryAfter {

    /** The wait a rate limit calls for when the upstream named none, or none that made sense. */
    public static final Duration DEFAULT = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofSeconds(60);

    private RetryAfter() {
    }

    /** The wait, or null when the header is absent or neither a number of seconds nor an HTTP date. */
    public static Duration parse(String header) {
        return parse(header, Clock.systemUTC());
    }

    static Duration parse(String header, Clock clock) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        if (value.matches("\\d{1,18}")) {
            return sane(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return sane(Duration.between(clock.instant(), when.toInstant()));
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static Duration sane(Duration wait) {
        return wait.compareTo(DEFAULT) < 0 ? DEFAULT : wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
