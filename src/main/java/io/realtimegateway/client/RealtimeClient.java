package io.realtimegateway.client;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.realtimegateway.config.ClientConfig;
import io.realtimegateway.config.ResilienceConfig;
import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.resilience.AdaptiveThrottle;
import io.realtimegateway.resilience.ResilienceMetrics;
import io.realtimegateway.resilience.UpstreamGuards;
import io.realtimegateway.telemetry.SocketTraces;
import io.vertx.core.Vertx;

/**
 * The Java real-time client, in the shape of fal's JavaScript and Python clients:
 *
 * <pre>{@code
 * RealtimeConnection connection = realtime.connect("fal-ai/flux-lora-realtime",
 *         RealtimeOptions.defaults().withConnectionKey("editor-42"),
 *         result -> show(result.get("images")));
 * connection.send(Map.of("prompt", "a red fox in the snow", "seed", 7));
 * }</pre>
 *
 * Connections with the same {@code connectionKey} share one socket, which stays open for
 * {@code gateway.client.idle-timeout} after its last holder closes and is closed at shutdown. A private
 * connection (no key) has its socket to itself; when it is closed with nothing pending, the socket waits
 * warm ({@code gateway.client.warm-timeout}) for the next private connection to the same app, which saves it the
 * handshake.
 */
@ApplicationScoped
public class RealtimeClient {

    private final ConnectionRules rules;
    private final AtomicInteger openSockets = new AtomicInteger();
    private final LinkPool pool;

    RealtimeClient(SocketOpener opener, Vertx vertx, UpstreamGuards guards, AdaptiveThrottle throttles, ResilienceMetrics metrics,
            ClientConfig config, ResilienceConfig resilience, ConnectionRules rules, SocketTraces traces) {
        this.rules = rules;
        this.pool = new LinkPool(new LinkServices(opener, Scheduler.of(vertx), SessionGuards.of(guards), throttles, metrics,
                ClientLimits.of(config, resilience), openSockets, traces));
    }

    /** Connects with the default options. */
    public RealtimeConnection connect(String app, RealtimeListener listener) {
        return connect(app, RealtimeOptions.defaults(), listener);
    }

    /**
     * Opens (or, with a known connectionKey, joins) a connection to a real-time app. The socket opens on the
     * first send.
     *
     * @param app an app id such as {@code fal-ai/flux-lora-realtime}
     * @throws RealtimeException {@code INVALID_INPUT} for a malformed app id or out-of-range options
     */
    public RealtimeConnection connect(String app, RealtimeOptions options, RealtimeListener listener) {
        Objects.requireNonNull(listener, "listener");
        AppId id = AppId.parse(app);
        RealtimeOptions resolved = rules.resolve(options, "throttleInterval");
        LinkSettings settings = new LinkSettings(id, resolved.path(), resolved.maxBuffering(), resolved.connectionKey());
        return pool.take(settings, resolved.throttleInterval()).attach(listener, resolved.throttleInterval());
    }

    /**
     * Closes every connection nobody holds right now: warm private sockets and idle shared ones (e.g. after a key
     * rotation, when the last invocation of a draining instance is done, before a snapshot). Completes once their
     * sockets are closed.
     */
    public CompletionStage<Void> closeIdleConnections() {
        return pool.closeIdle();
    }

    /** Sockets to the upstream open right now, whether a caller holds them or they wait warm or idle for the next. */
    public int openConnections() {
        return openSockets.get();
    }

    @PreDestroy
    void shutdown() {
        pool.shutdown("the gateway is shutting down");
    }
}
