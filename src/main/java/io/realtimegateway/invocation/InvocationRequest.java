package io.realtimegateway.invocation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.realtimegateway.protocol.AppId;

/**
 * One aggregated invocation, checked: inputs in, one outcome per input out.
 *
 * @param throttleInterval null for the configured default
 * @param connectionKey null for a private connection
 * @param timeout the deadline of the whole invocation
 * @param maxBuffering null for the configured default
 * @param path null for the app's default real-time path
 * @param parallelism how many connections the inputs are spread over (1: one connection, fal's own model)
 */
public record InvocationRequest(AppId app, List<Map<String, Object>> inputs, Duration throttleInterval, String connectionKey,
        Duration timeout, Integer maxBuffering, String path, int parallelism) {
}
