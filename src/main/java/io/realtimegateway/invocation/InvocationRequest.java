package io.realtimegateway.invocation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.realtimegateway.client.RealtimeOptions;
import io.realtimegateway.protocol.AppId;

/**
 * One aggregated invocation, checked and with every default resolved: inputs in, one outcome per input out.
 *
 * @param options the connection's options, resolved by {@link io.realtimegateway.client.ConnectionRules}: throttle and
 *        maxBuffering always set; connectionKey null for a private connection, path null for the app's default
 * @param timeout the deadline of the whole invocation
 * @param parallelism how many connections the inputs are spread over (1: one connection, fal's own model)
 */
public record InvocationRequest(AppId app, List<Map<String, Object>> inputs, RealtimeOptions options, Duration timeout, int parallelism) {
}
