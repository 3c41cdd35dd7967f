package io.realtimegateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code /api/fal/proxy}: the server side of fal's JavaScript client ({@code proxyUrl}), which keeps the fal key out of
 * the browser. What it forwards, to whom, and what a forwarded call may cost.
 */
@ConfigMapping(prefix = "gateway.proxy")
public interface ProxyConfig {

    /** Whether {@code /api/fal/proxy} answers at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The fal URLs callers may reach, as {@code host/path} globs without the scheme (always https): {@code *} matches
     * within one path segment, {@code **} across segments (and the query), everything else literally, the host always
     * literally. The defaults are what fal's client calls: runs, the queue, storage upload initiation, real-time tokens.
     */
    @WithDefault("fal.run/**,queue.fal.run/**,rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3,"
            + "rest.fal.ai/storage/upload/initiate-multipart?storage_type=fal-cdn-v3,rest.fal.ai/tokens/")
    List<String> allowedTargets();

    /**
     * Origins (scheme://host[:port]) whose pages may call the proxy, besides the gateway's own origin; {@code *} for any.
     * A request with any other {@code Origin} is refused with 403.
     */
    Optional<List<String>> allowedOrigins();

    /**
     * When set, every call must carry {@code Authorization: Key <secret>} (or {@code Bearer <secret>}): for proxies that
     * only servers call (fal's client sends its {@code credentials} that way). Browsers cannot keep a secret. Never logged.
     */
    Optional<String> sharedSecret();

    /**
     * Forward the caller's own {@code Authorization} (its own fal key) instead of the gateway's key, when it sends one.
     * Off by default: a caller's header is dropped and the gateway's key is used. Ignored with a shared secret.
     */
    @WithDefault("false")
    boolean forwardCallerAuthorization();

    /** Where a fal host is reached instead of itself, e.g. {@code "fal.run"=http://127.0.0.1:9000} (a fal-compatible server). */
    Map<String, URI> hostOverrides();

    /** Largest request body forwarded; larger ones answer 413. */
    @WithDefault("10M")
    MemorySize maxBodySize();

    /** Largest response body streamed back; a longer one is cut off (the caller sees a broken response). */
    @WithDefault("64M")
    MemorySize maxResponseSize();

    /** A forwarded call's whole life, from the caller's request to the response's last byte. */
    @WithDefault("120s")
    Duration timeout();

    /** TCP connect (and TLS handshake) to the upstream. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Calls forwarded at once by this instance; beyond it 429. */
    @WithDefault("64")
    int maxConcurrent();

    Tokens tokens();

    /** Real-time token requests ({@code POST https://rest.fal.ai/tokens/}), which the proxy scopes before forwarding. */
    interface Tokens {
        /** Longest token lifetime handed out; a longer {@code token_expiration} is lowered to it (fal's client asks 120 s). */
        @WithDefault("120s")
        Duration maxExpiration();

        /** Most apps one token may name. */
        @WithDefault("4")
        int maxApps();

        RateLimit rateLimit();
    }

    /** SmallRye Fault Tolerance rate limits on token requests: per client address and for the whole instance. */
    interface RateLimit {
        @WithDefault("20")
        int perClient();

        @WithDefault("600")
        int instance();

        @WithDefault("1m")
        Duration window();

        /** {@code fixed}, {@code rolling} or {@code smooth} (SmallRye's rate limit types). */
        @WithDefault("rolling")
        Type type();

        /** Client addresses remembered; past it the least recently seen is forgotten (the instance limit still holds). */
        @WithDefault("10000")
        int maxClients();

        enum Type {
            FIXED,
            ROLLING,
            SMOOTH
        }
    }
}
