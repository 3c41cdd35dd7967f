package io.realtimegateway.auth;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.realtimegateway.protocol.AppId;
import io.smallrye.mutiny.Uni;

/**
 * One short-lived token per app alias, reused until 90% of its lifetime has passed (as fal's clients do).
 * Concurrent callers share one fetch; a failed fetch is not cached. Tokens are never logged.
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

    private final TokenEndpoint endpoint;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    TokenCache(TokenEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public Uni<String> token(AppId app) {
        long now = System.nanoTime();
        Entry entry = entries.compute(app.alias(), (alias, current) -> current != null && current.usableAt(now) ? current : fetch(app, now));
        return Uni.createFrom().completionStage(entry.token())
                .map(TokenEndpoint.IssuedToken::token)
                .onFailure().invoke(() -> entries.remove(app.alias(), entry));
    }

    /** Forget an app's token, e.g. after the upstream refused it. */
    public void invalidate(AppId app) {
        entries.remove(app.alias());
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
        return new Entry(endpoint.fetch(app).subscribeAsCompletionStage(), now);
    }
}
