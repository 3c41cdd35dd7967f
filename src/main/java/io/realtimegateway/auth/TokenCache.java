package io.realtimegateway.auth;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.realtimegateway.config.ResilienceConfig;
import io.realtimegateway.protocol.AppId;
import io.smallrye.mutiny.Uni;

/**
 * One short-lived token per app alias, reused until 90% of its lifetime has passed (as fal's clients do).
 * Concurrent callers share one fetch; a failed fetch is not cached. Tokens are never logged. At most twice
 * {@code gateway.resilience.max-apps} are kept (room for every app with state of its own, and as many others): past
 * that, the ones no longer usable go first, then the oldest.
 */
@ApplicationScoped
public class TokenCache {

    /** @param requestedAtNanos when the fetch started: a conservative start of the token's lifetime */
    private record Entry(CompletableFuture<TokenEndpoint.IssuedToken> token, long requestedAtNanos) {

        boolean usableAt(long nowNanos) {
            if (!token.isDone()) {
                return true;
            }
            if (token.isCompletedExceptionally()) {
                return false;
            }
            return nowNanos - requestedAtNanos < token.join().lifetime().toNanos() / 10 * 9;
        }
    }

    private final Function<AppId, Uni<TokenEndpoint.IssuedToken>> endpoint;
    private final int capacity;
    private final LongSupplier nanoClock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    TokenCache(TokenEndpoint endpoint, ResilienceConfig config) {
        this(endpoint::fetch, 2 * config.maxApps(), System::nanoTime);
    }

    TokenCache(Function<AppId, Uni<TokenEndpoint.IssuedToken>> endpoint, int capacity, LongSupplier nanoClock) {
        this.endpoint = endpoint;
        this.capacity = capacity;
        this.nanoClock = nanoClock;
    }

    public Uni<String> token(AppId app) {
        long now = nanoClock.getAsLong();
        Entry entry = entries.compute(app.alias(), (alias, current) -> current != null && current.usableAt(now) ? current : fetch(app, now));
        if (entries.size() > capacity) {
            trim(now, entry);
        }
        return Uni.createFrom().completionStage(entry.token())
                .map(TokenEndpoint.IssuedToken::token)
                .onFailure().invoke(() -> entries.remove(app.alias(), entry));
    }

    /** Forget an app's token, e.g. after the upstream refused it or said it has no such app. */
    public void invalidate(AppId app) {
        entries.remove(app.alias());
    }

    /** Tokens kept right now. */
    int size() {
        return entries.size();
    }

    /**
     * Forget every token, e.g. before a SnapStart snapshot: a restored copy may run hours later, in many copies at
     * once, with a clock whose {@code nanoTime} no longer matches when the tokens were fetched.
     */
    public void invalidateAll() {
        entries.clear();
    }

    private Entry fetch(AppId app, long now) {
        Log.debugf("Fetching a real-time token for %s", app.alias());
        return new Entry(endpoint.apply(app).subscribeAsCompletionStage(), now);
    }

    /** Back to the capacity: the unusable first, then the oldest, never the entry just handed out. */
    private void trim(long now, Entry keep) {
        entries.values().removeIf(entry -> entry != keep && !entry.usableAt(now));
        while (entries.size() > capacity) {
            var oldest = entries.entrySet().stream().filter(candidate -> candidate.getValue() != keep)
                    .min(Comparator.comparingLong(candidate -> candidate.getValue().requestedAtNanos()));
            if (oldest.isEmpty()) {
                return;
            }
            entries.remove(oldest.get().getKey(), oldest.get().getValue());
        }
    }
}
