package io.realtimegateway.client;

import java.util.concurrent.atomic.AtomicInteger;

import io.realtimegateway.resilience.AdaptiveThrottle;
import io.realtimegateway.resilience.ResilienceMetrics;
import io.realtimegateway.telemetry.SocketTraces;

/**
 * What every link needs from the application: sockets, time, fault tolerance, pacing, metrics and limits. Unit
 * tests give fakes for the sockets, the guards and the scheduler.
 *
 * @param openSockets sockets open right now over all links ({@code gateway_upstream_connections})
 * @param traces where sockets are traced ({@link SocketTraces#OFF} in unit tests)
 */
record LinkServices(UpstreamSockets sockets, Scheduler scheduler, SessionGuards guards, AdaptiveThrottle throttles,
        ResilienceMetrics metrics, ClientLimits limits, AtomicInteger openSockets,
        SocketTraces traces) {
}
