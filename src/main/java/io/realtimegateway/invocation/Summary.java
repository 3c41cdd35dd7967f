package io.realtimegateway.invocation;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Totals of one invocation.
 *
 * @param reconnects sockets opened again during the invocation (after idle, error or dropped closes)
 * @param effectiveThrottleMs the pause between sends that was applied
 */
@RegisterForReflection
public record Summary(int ok, int failed, int reconnects, long effectiveThrottleMs, long durationMs) {
}
