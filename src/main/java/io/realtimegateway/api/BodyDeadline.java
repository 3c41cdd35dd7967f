package io.realtimegateway.api;

/**
 * When a request body is late. It may take {@code graceMillis}, plus one second for every {@code minBytesPerSecond}
 * bytes that have arrived: a caller on a slow link who keeps sending finishes, one trickling a byte now and then does
 * not (the rule of Apache's mod_reqtimeout).
 *
 * @param startMillis when the body began (a monotonic clock's millis)
 */
record BodyDeadline(long startMillis, long graceMillis, long minBytesPerSecond) {

    BodyDeadline {
        if (graceMillis < 0 || minBytesPerSecond < 1) {
            throw new IllegalArgumentException("a body deadline needs a grace of 0 or more and a rate of 1 byte/s or more");
        }
    }

    /** By when the body must have ended, given the bytes that have arrived. */
    long dueMillis(long bytesRead) {
        return startMillis + graceMillis + bytesRead * 1000 / minBytesPerSecond;
    }

    /** How long to wait before looking again, or 0 or less when the body is late now. */
    long millisLeft(long nowMillis, long bytesRead) {
        return dueMillis(bytesRead) - nowMillis;
    }
}
