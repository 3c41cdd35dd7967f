package io.realtimegateway.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtimegateway.config.ResilienceConfig;
import io.realtimegateway.protocol.AppId;

/**
 * Per-app pacing learned from rate limits: each rate-limit signal doubles the app's throttle interval (up to
 * a cap); without new signals it halves back once per decay period. Callers get the larger of what they
 * asked for and the app's current throttle. The apps off the {@link AppRoster} share one pacing.
 */
@ApplicationScoped
public class AdaptiveThrottle {

    private record Penalty(long intervalNanos, long raisedAtNanos) {
    }

    private final ResilienceConfig.RateLimit config;
    private final AppRoster roster;
    /** Keyed as the roster says: bounded as it is. */
    private final Map<String, Penalty> penalties = new ConcurrentHashMap<>();

    AdaptiveThrottle(ResilienceConfig config, AppRoster roster) {
        this.config = config.rateLimit();
        this.roster = roster;
    }

    /** The interval to keep between sends to the app right now. */
    public Duration effective(AppId app, Duration requested) {
        String key = roster.key(app);
        Penalty penalty = penalties.get(key);
        if (penalty == null) {
            return requested;
        }
        long halvings = (System.nanoTime() - penalty.raisedAtNanos()) / Math.max(1, config.decay().toNanos());
        long decayed = halvings >= 63 ? 0 : penalty.intervalNanos() >> halvings;
        if (decayed <= requested.toNanos()) {
            penalties.remove(key, penalty);
            return requested;
        }
        return Duration.ofNanos(decayed);
    }

    /** The upstream said "too fast": double the app's interval from what was in effect, up to the cap. */
    public Duration slowDown(AppId app, Duration inEffect) {
        long doubled = Math.min(config.maxThrottle().toNanos(), Math.max(1, inEffect.toNanos()) * 2);
        Penalty raised = penalties.merge(roster.key(app), new Penalty(doubled, System.nanoTime()),
                (current, next) -> new Penalty(Math.max(current.intervalNanos(), next.intervalNanos()), next.raisedAtNanos()));
        return Duration.ofNanos(raised.intervalNanos());
    }

    /** Forgets every app's learned pacing, as after a restart. */
    public void reset() {
        penalties.clear();
    }
}
