package io.realtimegateway.client;

import java.time.Duration;

import io.realtimegateway.protocol.AppId;
import io.realtimegateway.resilience.AdaptiveThrottle;

/**
 * How fast one link may send: the pacing its latest holder asked for, raised while the app is being rate limited (the
 * app's {@link AdaptiveThrottle}), and what the last rate limit called for. Changed on its link's serial executor
 * only; read by any thread (holders report the pacing they met), hence volatile.
 */
final class LinkPacing {

    /** When the upstream last refused for its rate limit, on the link's clock, and the wait it called for. */
    record RateLimitNotice(long atNanos, Duration retryAfter) {
    }

    private final AppId app;
    /** The app's learned pacing, shared by all its links. */
    private final AdaptiveThrottle throttles;
    private final LinkServices services;
    private volatile Duration requested;
    /** Null until the first rate limit. */
    private volatile RateLimitNotice lastRateLimit;

    LinkPacing(AppId app, Duration requested, LinkServices services) {
        this.throttles = services.throttles();
        this.app = app;
        this.requested = requested;
        this.services = services;
    }

    /** The pause kept between sends now: what was asked, or more while the app is being rate limited. */
    Duration throttle() {
        return throttles.effective(app, requested);
    }

    /** A new holder asks for this pacing; returns what was asked before. Serial only. */
    Duration request(Duration throttle) {
        Duration previous = requested;
        requested = throttle;
        return previous;
    }

    /**
     * The upstream refused for its rate limit: the app's throttle doubles. Returns the pause before the next send:
     * the raised throttle, or the upstream's {@code Retry-After} if that is longer. Serial only.
     */
    Duration slowDown(Duration retryAfter) {
        Duration slower = throttles.slowDown(app, throttle());
        Duration pause = retryAfter != null && retryAfter.compareTo(slower) > 0 ? retryAfter : slower;
        lastRateLimit = new RateLimitNotice(services.scheduler().nanoTime(), pause);
        services.metrics().rateLimited(app);
        return pause;
    }

    RateLimitNotice lastRateLimit() {
        return lastRateLimit;
    }
}
