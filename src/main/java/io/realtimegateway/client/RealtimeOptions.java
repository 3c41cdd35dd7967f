package io.realtimegateway.client;

import java.time.Duration;

/**
 * How to connect, in the shape of fal's JavaScript client options. Unset values (null) take the
 * gateway's configured defaults.
 *
 * @param connectionKey connections opened with the same key (for the same app, path and maxBuffering) share one
 *        live socket, also across invocations in one warm instance; null opens a private connection
 * @param throttleInterval the least time between two sends on the connection (default 64 ms, at least 32 ms);
 *        every input is sent, none is dropped
 * @param maxBuffering how many inputs may wait unanswered at the upstream (1..60, default 2 as fal recommends);
 *        the client never sends more, so the upstream never drops one
 * @param path the app's real-time endpoint path (default {@code /realtime})
 */
public record RealtimeOptions(String connectionKey, Duration throttleInterval, Integer maxBuffering, String path) {

    public static RealtimeOptions defaults() {
        return new RealtimeOptions(null, null, null, null);
    }

    public RealtimeOptions withConnectionKey(String connectionKey) {
        return new RealtimeOptions(connectionKey, throttleInterval, maxBuffering, path);
    }

    public RealtimeOptions withThrottleInterval(Duration throttleInterval) {
        return new RealtimeOptions(connectionKey, throttleInterval, maxBuffering, path);
    }

    public RealtimeOptions withMaxBuffering(Integer maxBuffering) {
        return new RealtimeOptions(connectionKey, throttleInterval, maxBuffering, path);
    }

    public RealtimeOptions withPath(String path) {
        return new RealtimeOptions(connectionKey, throttleInterval, maxBuffering, path);
    }
}
