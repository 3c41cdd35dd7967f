package io.realtimegateway.client;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.realtimegateway.config.ClientConfig;
import io.realtimegateway.config.ResilienceConfig;
import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.RealtimeUrl;
import io.realtimegateway.resilience.AdaptiveThrottle;
import io.realtimegateway.resilience.ResilienceMetrics;
import io.realtimegateway.resilience.UpstreamGuards;
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
 * warm (as long) for the next private connection to the same app, which saves it the handshake.
 */
@ApplicationScoped
public class RealtimeClient {

    private static final Pattern CONNECTION_KEY = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private final ClientConfig config;
    private final ThrottleLimits throttleLimits;
    private final LinkServices services;
    private final Map<LinkSettings, UpstreamLink> shared = new ConcurrentHashMap<>();
    /** Private links whose last holder left them clean, most recently used first: their sockets are warm. */
    private final Map<LinkSettings, BlockingDeque<UpstreamLink>> idlePrivate = new ConcurrentHashMap<>();
    private final Set<UpstreamLink> live = ConcurrentHashMap.newKeySet();
    private final UpstreamLink.Registry registry = new UpstreamLink.Registry() {
        public boolean park(UpstreamLink link) {
            boolean[] parked = { false };
            idlePrivate.compute(link.settings(), (settings, idle) -> {
                BlockingDeque<UpstreamLink> deque = idle != null ? idle : new LinkedBlockingDeque<>(config.maxIdleConnections());
                parked[0] = deque.offerFirst(link);
                return deque.isEmpty() ? null : deque;
            });
            return parked[0];
        }

        public boolean releaseIfUnused(UpstreamLink link) {
            if (!link.settings().shared()) {
                return unpark(link);
            }
            boolean[] released = { false };
            shared.computeIfPresent(link.settings(), (settings, current) -> {
                released[0] = current == link && link.unused();
                return released[0] ? null : current;
            });
            return released[0];
        }

        public void forget(UpstreamLink link) {
            shared.remove(link.settings(), link);
            unpark(link);
            live.remove(link);
        }
    };

    /** Takes a link out of the idle pool; a pool left empty goes too, so that one-off settings (made-up apps) leave nothing. */
    private boolean unpark(UpstreamLink link) {
        boolean[] removed = { false };
        idlePrivate.computeIfPresent(link.settings(), (settings, idle) -> {
            removed[0] = idle.remove(link);
            return idle.isEmpty() ? null : idle;
        });
        return removed[0];
    }

    /** The most recently parked warm link for these settings, if there is one. */
    private UpstreamLink takeWarm(LinkSettings settings) {
        UpstreamLink[] warm = { null };
        idlePrivate.computeIfPresent(settings, (key, idle) -> {
            warm[0] = idle.pollFirst();
            return idle.isEmpty() ? null : idle;
        });
        return warm[0];
    }

    RealtimeClient(SocketOpener opener, Vertx vertx, UpstreamGuards guards, AdaptiveThrottle throttles, ResilienceMetrics metrics,
            ClientConfig config, ResilienceConfig resilience, ThrottleLimits throttleLimits) {
        this.config = config;
        this.throttleLimits = throttleLimits;
        this.services = new LinkServices(opener, vertx, guards, throttles, metrics, config, resilience.inputTimeout());
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
        LinkSettings settings = new LinkSettings(AppId.parse(app),
                options.path() == null ? null : RealtimeUrl.checkPath(options.path()),
                RealtimeUrl.checkMaxBuffering(Objects.requireNonNullElse(options.maxBuffering(), config.defaultMaxBuffering())),
                checkConnectionKey(options.connectionKey()));
        Duration throttle = throttleLimits.check("throttleInterval",
                Objects.requireNonNullElse(options.throttleInterval(), config.throttle().defaultInterval()));
        ConnectionHandle[] handle = new ConnectionHandle[1];
        if (settings.shared()) {
            shared.compute(settings, (key, current) -> {
                UpstreamLink link = current != null ? current : newLink(key, throttle);
                handle[0] = attach(link, listener, throttle);
                return link;
            });
        } else {
            UpstreamLink warm = takeWarm(settings);
            handle[0] = attach(warm != null ? warm : newLink(settings, throttle), listener, throttle);
        }
        handle[0].link().greet(handle[0]);
        return handle[0];
    }

    /** Closes every connection nobody holds right now: warm private sockets and idle shared ones (e.g. after a key rotation). */
    public void closeIdleConnections() {
        idlePrivate.values().forEach(idle -> idle.forEach(UpstreamLink::closeIfIdle));
        shared.values().stream().filter(UpstreamLink::unused).forEach(UpstreamLink::closeIfIdle);
    }

    /** How many link settings have warm links parked right now: bounded by the links, never by the settings seen. */
    int idlePools() {
        return idlePrivate.size();
    }

    /** Connections open right now, shared or private. */
    public int openConnections() {
        return live.size();
    }

    @PreDestroy
    void shutdown() {
        live.forEach(link -> link.shutdown("the gateway is shutting down"));
    }

    private UpstreamLink newLink(LinkSettings settings, Duration throttle) {
        UpstreamLink link = new UpstreamLink(settings, throttle, services, registry);
        live.add(link);
        return link;
    }

    private static ConnectionHandle attach(UpstreamLink link, RealtimeListener listener, Duration throttle) {
        ConnectionHandle handle = new ConnectionHandle(link, listener);
        link.attach(handle, throttle);
        return handle;
    }

    private static String checkConnectionKey(String key) {
        if (key != null && !CONNECTION_KEY.matcher(key).matches()) {
            throw new RealtimeException(ErrorCode.INVALID_INPUT,
                    "connectionKey must be 1 to 128 characters of letters, digits and . _ : @ -");
        }
        return key;
    }
}
