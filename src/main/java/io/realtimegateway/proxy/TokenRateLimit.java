package io.realtimegateway.proxy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.realtimegateway.config.ProxyConfig;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.RateLimitType;

/**
 * How many real-time tokens the proxy hands out: SmallRye Fault Tolerance rate limits, one per client address and one
 * for the whole instance, so that no page can burn the key on tokens. Called from any event loop; the map of
 * per-client guards is guarded by its own lock and bounded (the least recently seen client is forgotten first).
 */
final class TokenRateLimit {

    private final ProxyConfig.RateLimit config;
    private final Guard instance;
    private final Map<String, Guard> clients;

    TokenRateLimit(ProxyConfig.RateLimit config) {
        this.config = config;
        this.instance = guard(config.instance());
        this.clients = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Guard> eldest) {
                return size() > config.maxClients();
            }
        };
    }

    /** @throws RealtimeException {@code RATE_LIMITED} with the time to wait, when the client or the instance is over its limit */
    void acquire(String client) {
        Guard own;
        synchronized (clients) {
            own = clients.computeIfAbsent(client, address -> guard(config.perClient()));
        }
        take(own, "this client has asked for " + config.perClient() + " real-time tokens in " + config.window().toSeconds() + " s");
        take(instance, "this gateway has handed out " + config.instance() + " real-time tokens in " + config.window().toSeconds() + " s");
    }

    private void take(Guard guard, String why) {
        try {
            guard.get(() -> Boolean.TRUE, Boolean.class);
        } catch (RateLimitException refused) {
            throw new RealtimeException(ErrorCode.RATE_LIMITED, why + "; retry later (gateway.proxy.tokens.rate-limit)",
                    Duration.ofMillis(Math.max(1000, refused.getRetryAfterMillis())), null);
        }
    }

    private Guard guard(int limit) {
        return Guard.create().withRateLimit().limit(limit).window(config.window().toMillis(), ChronoUnit.MILLIS)
                .type(RateLimitType.valueOf(config.type().name())).done().build();
    }
}
