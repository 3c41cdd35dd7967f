package io.realtimegateway.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The request body, for the OpenAPI document; the resource reads it leniently and {@code InvocationRequestParser} checks
 * each field. {@code PlatformEndpointsTest} fails when the two name different fields.
 */
@Schema(name = "InvocationRequest")
record InvocationRequestSchema(
        @Schema(required = true, description = "The inputs, each an object the app accepts; at most gateway.invocation.max-inputs (64)")
        List<Map<String, Object>> inputs,
        @Schema(description = "Least time between two sends, 32..10000 ms", defaultValue = "64")
        Integer throttleIntervalMs,
        @Schema(description = "Reuse one live connection across invocations with the same key")
        String connectionKey,
        @Schema(description = "Deadline of the whole invocation in ms", defaultValue = "30000")
        Integer timeoutMs,
        @Schema(description = "Inputs the upstream may hold queued, 1..60", defaultValue = "2")
        Integer maxBuffering,
        @Schema(description = "The app's real-time endpoint path", defaultValue = "/realtime")
        String path,
        @Schema(description = "Spread the inputs over this many connections, 1..gateway.invocation.max-parallelism (8); each is paced"
                + " on its own, and outcomes stay one per input, in input order", defaultValue = "1")
        Integer parallelism) {
}
