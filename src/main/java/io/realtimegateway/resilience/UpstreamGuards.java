package io.realtimegateway.resilience;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.quarkus.logging.Log;
import io.realtimegateway.config.ResilienceConfig;
import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.TypedGuard;

/**
 * The fault tolerance around upstream connections, as SmallRye Fault Tolerance guards. Per app, a
 * <em>session</em> guard spans one socket's life: a retry with exponential back-off and jitter (on lost
 * connections and refused upgrades) and a bulkhead bounding open sockets; per instance, a second bulkhead.
 * Per app too, a <em>breaker</em> guard judges each connection attempt only until it proves itself (its first
 * answer, or a clean end), so a long-lived warm socket never keeps the breaker waiting for a verdict.
 * Only the apps on the {@link AppRoster} have guards of their own; all others share one small set, which also bounds
 * how many sessions they may start per second. An endpoint the upstream said it does not have is refused at once
 * for a while ({@code gateway.resilience.not-found.*}), without a token request or an upgrade.
 */
@ApplicationScoped
public class UpstreamGuards {

    /** Failures worth another connection attempt; everything else (bad input, bad key, unknown app) is final. */
    private static final Set<ErrorCode> RETRIED = EnumSet.of(ErrorCode.CONNECTION_LOST, ErrorCode.RATE_LIMITED);
    private static final String BREAKER_PREFIX = "upstream:";
    private static final TypeLiteral<CompletionStage<Void>> SESSION = new TypeLiteral<>() {
    };

    private final ResilienceConfig config;
    private final ResilienceMetrics metrics;
    private final CircuitBreakerMaintenance breakers;
    private final AppRoster roster;
    private final RetryJitter jitter;
    /** An app's two guards. */
    private record AppGuards(TypedGuard<CompletionStage<Void>> sessions, TypedGuard<CompletionStage<Void>> breaker) {
    }

    /** Only ever the roster's apps: bounded as the roster is. */
    private final Map<String, AppGuards> perApp = new ConcurrentHashMap<>();
    private final TypedGuard<CompletionStage<Void>> instance;
    /** Shared by every app off the roster, so that hostile or endless app ids cannot grow the map. */
    private final AppGuards otherApps;
    private final NotFoundMemory notFound;

    UpstreamGuards(ResilienceConfig config, ResilienceMetrics metrics, CircuitBreakerMaintenance breakers, AppRoster roster,
            RetryJitter jitter) {
        this.config = config;
        this.metrics = metrics;
        this.breakers = breakers;
        this.roster = roster;
        this.jitter = jitter;
        this.instance = TypedGuard.create(SESSION).withDescription("upstream:instance")
                .withBulkhead().limit(config.bulkhead().instance()).queueSize(config.bulkhead().queue()).done()
                .build();
        this.otherApps = appGuards(null);
        this.notFound = new NotFoundMemory(config.notFound().rememberFor(), config.notFound().maxEndpoints(), System::nanoTime);
    }

    /**
     * Runs socket sessions for the app until one ends cleanly, retrying lost ones; a session holds a bulkhead
     * slot while its socket lives. The returned stage fails with a {@link RealtimeException} whose code says
     * why the gateway gave up: at once with {@code APP_NOT_FOUND} when the upstream recently said it has no such endpoint.
     *
     * @param path the app's endpoint path, or null for its default
     */
    public CompletionStage<Void> run(AppId app, String path, Supplier<CompletionStage<Void>> session) {
        String endpoint = app + (path == null ? "" : " " + path);
        Optional<RealtimeException> known = notFound.recall(endpoint);
        if (known.isPresent()) {
            return CompletableFuture.failedFuture(new CompletionException(known.get()));
        }
        AppGuards guards = guardsFor(app);
        return explained(app, () -> instance.get(() -> guards.sessions().get(session))).whenComplete((done, failure) -> {
            if (RealtimeException.unwrap(failure) instanceof RealtimeException lost && lost.code() == ErrorCode.APP_NOT_FOUND) {
                notFound.remember(endpoint, lost);
            }
        });
    }

    /**
     * Lets the app's circuit breaker judge one connection attempt: the supplier starts it, and its stage completes
     * once the connection has proven itself, or fails with why it did not. Fails at once with {@code CIRCUIT_OPEN}
     * while the breaker is open.
     */
    public CompletionStage<Void> judge(AppId app, Supplier<CompletionStage<Void>> attempt) {
        AppGuards guards = guardsFor(app);
        return explained(app, () -> guards.breaker().get(attempt));
    }

    /** The state of every app's breaker, by app id, for health checks. */
    public Map<String, CircuitBreakerState> breakerStates() {
        Map<String, CircuitBreakerState> states = new TreeMap<>();
        perApp.keySet().forEach(app -> states.put(app, breakers.currentState(BREAKER_PREFIX + app)));
        return states;
    }

    private CompletionStage<Void> explained(AppId app, Supplier<CompletionStage<Void>> guarded) {
        CompletionStage<Void> stage;
        try {
            stage = guarded.get();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.handle((done, failure) -> {
            if (failure != null) {
                throw new CompletionException(explain(app, failure));
            }
            return done;
        });
    }

    private AppGuards guardsFor(AppId app) {
        if (!roster.has(app)) {
            return otherApps;
        }
        // computeIfAbsent creates each named breaker once: SmallRye refuses duplicate names.
        return perApp.computeIfAbsent(app.id(), id -> appGuards(app));
    }

    /** @param app the app, or null for the guards shared by the apps off the roster */
    private AppGuards appGuards(AppId app) {
        ResilienceConfig.Retry retry = config.retry();
        ResilienceConfig.Breaker breaker = config.breaker();
        String name = BREAKER_PREFIX + (app == null ? AppRoster.OTHER_APPS : app.id());
        TypedGuard<CompletionStage<Void>> sessions = TypedGuard.create(SESSION).withDescription(name + ":sessions")
                .withRetry()
                .maxRetries(retry.maxRetries())
                .delay(retry.initialDelay().toMillis(), ChronoUnit.MILLIS)
                // The back-off adds the jitter itself, from a generator reseeded after a SnapStart restore.
                .jitter(0, ChronoUnit.MILLIS)
                .whenException(UpstreamGuards::worthRetrying)
                .withCustomBackoff().strategy(() -> new RetryAfterBackoff(retry.maxDelay().toMillis(), retry.jitter().toMillis(), jitter))
                .done()
                .beforeRetry(failure -> metrics.retrying(app == null ? AppRoster.OTHER_APPS : app.id()))
                .done()
                .with(builder -> {
                    if (app == null) {
                        ResilienceConfig.OtherApps others = config.otherApps();
                        builder.withRateLimit().limit(others.sessionsPerSecond()).window(1, ChronoUnit.SECONDS).done()
                                .withBulkhead().limit(others.concurrency()).queueSize(others.concurrency()).done();
                    } else {
                        builder.withBulkhead().limit(config.bulkhead().perApp()).queueSize(config.bulkhead().queue()).done();
                    }
                })
                .build();
        TypedGuard<CompletionStage<Void>> judged = TypedGuard.create(SESSION).withDescription(name)
                .withCircuitBreaker()
                .with(builder -> {
                    if (app != null) {
                        builder.name(name).onStateChange(state -> breakerMoved(app.id(), state));
                    }
                })
                .requestVolumeThreshold(breaker.requestVolumeThreshold())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                .when(UpstreamGuards::lostConnection)
                .done()
                .build();
        return new AppGuards(sessions, judged);
    }

    private void breakerMoved(String app, CircuitBreakerState state) {
        Log.infof("Circuit breaker of %s is now %s", app, state.name().toLowerCase());
        metrics.breakerMoved(app, state.name().toLowerCase());
    }

    private RealtimeException explain(AppId app, Throwable failure) {
        Throwable cause = RealtimeException.unwrap(failure);
        if (cause instanceof CircuitBreakerOpenException) {
            Duration delay = config.breaker().delay();
            return new RealtimeException(ErrorCode.CIRCUIT_OPEN, "the upstream for " + app.id()
                    + " keeps losing connections, so the gateway stopped trying for now; it tries again within "
                    + delay.toSeconds() + " s", delay, null);
        }
        if (cause instanceof RateLimitException limited) {
            return new RealtimeException(ErrorCode.RATE_LIMITED, "the gateway is starting as many upstream sessions as it allows for apps "
                    + "it has not worked with yet (gateway.resilience.other-apps.sessions-per-second); try again shortly",
                    Duration.ofMillis(Math.max(1000, limited.getRetryAfterMillis())), null);
        }
        if (!roster.has(app) && cause instanceof BulkheadException) {
            return new RealtimeException(ErrorCode.RATE_LIMITED, "the gateway already has as many upstream connections open as it allows "
                    + "for apps it has not worked with yet (gateway.resilience.other-apps.concurrency); try again shortly",
                    Duration.ofSeconds(1), null);
        }
        if (cause instanceof BulkheadException) {
            return new RealtimeException(ErrorCode.RATE_LIMITED, "the gateway already has its limit of upstream connections open ("
                    + config.bulkhead().perApp() + " per app, " + config.bulkhead().instance() + " in all, "
                    + config.bulkhead().queue() + " waiting); try again shortly", Duration.ofSeconds(1), null);
        }
        return RealtimeException.from(cause);
    }

    private static boolean worthRetrying(Throwable failure) {
        return RealtimeException.unwrap(failure) instanceof RealtimeException known && RETRIED.contains(known.code());
    }

    private static boolean lostConnection(Throwable failure) {
        return RealtimeException.unwrap(failure) instanceof RealtimeException known && known.code() == ErrorCode.CONNECTION_LOST;
    }
}
