package io.realtimegateway.proxy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/**
 * Who may use the proxy. A page may call it from the gateway's own origin or a configured one (browsers send
 * {@code Origin} on cross-origin and on POST/PUT calls, and cannot forge it); with a shared secret configured, every
 * caller must present it, since a secret is the only thing a script outside a browser cannot fake.
 */
final class CallerCheck {

    private final Set<String> origins;
    private final boolean anyOrigin;
    private final Optional<byte[]> secret;
    private final boolean forwardCallerAuthorization;
    private final String describedOrigins;

    CallerCheck(List<String> allowedOrigins, Optional<String> sharedSecret, boolean forwardCallerAuthorization) {
        this.anyOrigin = allowedOrigins.contains("*");
        this.origins = allowedOrigins.stream().filter(origin -> !origin.equals("*")).map(CallerCheck::normalise).collect(Collectors.toSet());
        this.secret = sharedSecret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8));
        this.forwardCallerAuthorization = forwardCallerAuthorization;
        this.describedOrigins = anyOrigin ? "any origin" : origins.isEmpty() ? "only the gateway's own origin"
                : "the gateway's own origin and " + String.join(", ", origins);
    }

    /**
     * The origin to answer CORS for: the caller's, when it sent one and may call; empty for callers outside a browser.
     *
     * @param origin the {@code Origin} header, or null
     * @param ownOrigin the gateway's origin as this request reached it, e.g. {@code http://localhost:8080}
     * @throws RealtimeException {@code FORBIDDEN} for a foreign origin
     */
    Optional<String> origin(String origin, String ownOrigin) {
        if (origin == null) {
            return Optional.empty();
        }
        String normalised = normalise(origin);
        if (!anyOrigin && !normalised.equals(normalise(ownOrigin)) && !origins.contains(normalised)) {
            throw new RealtimeException(ErrorCode.FORBIDDEN, "pages from " + printable(origin) + " may not use this proxy; it serves "
                    + describedOrigins + " (gateway.proxy.allowed-origins)");
        }
        return Optional.of(origin);
    }

    /**
     * The caller's own {@code Authorization} to forward instead of the gateway's key, when configured; consumes the
     * shared secret when one is set.
     *
     * @throws RealtimeException {@code UNAUTHORIZED} when a shared secret is set and the caller does not present it
     */
    Optional<String> authorization(String authorization) {
        if (secret.isPresent()) {
            if (!presentsSecret(authorization)) {
                throw new RealtimeException(ErrorCode.UNAUTHORIZED,
                        "this proxy takes callers with its shared secret only: send Authorization: Key <secret> (gateway.proxy.shared-secret)");
            }
            return Optional.empty();
        }
        return forwardCallerAuthorization ? Optional.ofNullable(authorization) : Optional.empty();
    }

    /** Whether a page may send {@code Authorization} (preflight): only when the proxy reads it. */
    boolean readsAuthorization() {
        return secret.isPresent() || forwardCallerAuthorization;
    }

    private boolean presentsSecret(String authorization) {
        if (authorization == null) {
            return false;
        }
        String presented = authorization.startsWith("Key ") || authorization.startsWith("Bearer ")
                ? authorization.substring(authorization.indexOf(' ') + 1).trim() : "";
        return MessageDigest.isEqual(secret.get(), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code scheme://host[:port]} in lowercase, without the scheme's default port; unparsable origins stay as they are. */
    static String normalise(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return origin;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return origin;
        }
    }

    private static String printable(String text) {
        String cleaned = text.replaceAll("[^\\x20-\\x7e]", "?");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "..." : cleaned;
    }
}
