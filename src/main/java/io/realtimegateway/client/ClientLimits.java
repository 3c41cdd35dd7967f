package io.realtimegateway.client;

import java.time.Duration;

import io.realtimegateway.config.ClientConfig;
import io.realtimegateway.config.ResilienceConfig;

/**
 * The client's limits, read once from configuration.
 *
 * @param maxSendsPerInput how often one input may go out before it is given up ({@code gateway.client.max-sends-per-input})
 * @param inputTimeout how long an input in flight may go unanswered ({@code gateway.resilience.input-timeout})
 * @param idleTimeout how long a shared link outlives its last holder ({@code gateway.client.idle-timeout})
 * @param warmTimeout how long a private link left clean waits for the next caller; 0: not at all
 * @param maxIdleConnections private links kept warm per settings
 */
record ClientLimits(int maxSendsPerInput, Duration inputTimeout, Duration idleTimeout, Duration warmTimeout, int maxIdleConnections) {

    static ClientLimits of(ClientConfig client, ResilienceConfig resilience) {
        return new ClientLimits(client.maxSendsPerInput(), resilience.inputTimeout(), client.idleTimeout(), client.warmTimeout(),
                client.maxIdleConnections());
    }
}
