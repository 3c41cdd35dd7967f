package io.realtimegateway.client;

import java.time.Duration;
import java.util.Map;

/**
 * One input's result.
 *
 * @param output what the app returned
 * @param attempts how many times the input was sent (more than 1 after a reconnect)
 * @param latency from the input's last send to its result
 */
public record RealtimeResult(Map<String, Object> output, int attempts, Duration latency) {
}
