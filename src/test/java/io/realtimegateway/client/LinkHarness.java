package io.realtimegateway.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.realtimegateway.config.ClientConfig;
import io.realtimegateway.config.ResilienceConfig;
import io.realtimegateway.protocol.AppId;
import io.realtimegateway.resilience.ResilienceParts;
import io.realtimegateway.telemetry.SocketTraces;

/**
 * The client's links over a fake upstream, fake guards and a fake clock, everything on the test thread: what the
 * sockets receive is read, and what they answer written, by the test itself.
 */
final class LinkHarness {

    static final AppId APP = AppId.parse("fal-ai/flux-lora-realtime");

    final FakeScheduler clock = new FakeScheduler();
    final FakeUpstream upstream = new FakeUpstream();
    final FakeGuards guards = new FakeGuards(clock, 4);
    final AtomicInteger openSockets = new AtomicInteger();
    /** The configured defaults, but for a shorter input timeout, as in the {@code %test} profile. */
    final ClientLimits limits = ClientLimits.of(ResilienceParts.defaults(ClientConfig.class),
            ResilienceParts.defaults(ResilienceConfig.class, "gateway.resilience.input-timeout", "3s"));
    final LinkPool pool = new LinkPool(new LinkServices(upstream, clock, guards, ResilienceParts.adaptiveThrottle(), ResilienceParts.metrics(),
            limits, openSockets, SocketTraces.OFF));

    /** A private connection, unpaced. */
    RealtimeConnection connect(int maxBuffering, RealtimeListener listener) {
        return connect(maxBuffering, Duration.ZERO, null, listener);
    }

    RealtimeConnection connect(int maxBuffering, Duration throttle, String connectionKey, RealtimeListener listener) {
        return pool.take(new LinkSettings(APP, null, maxBuffering, connectionKey), throttle).attach(listener, throttle);
    }
}
