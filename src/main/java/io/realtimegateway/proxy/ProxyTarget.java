package io.realtimegateway.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/**
 * The fal URL a proxied call names in {@code x-fal-target-url}, checked: https, no user info or fragment, and a path
 * that means what it says (no {@code .}/{@code ..} or empty segments, no encoded separators or dots), so that what the
 * allow-list matches is what the upstream receives.
 *
 * @param host lowercase, with {@code :port} unless it is 443
 * @param path the raw (still encoded) path, at least {@code /}
 * @param query the raw query, or null
 */
public record ProxyTarget(String host, String path, String query) {

    public static final String HEADER = "x-fal-target-url";
    /** fal's client fetches real-time tokens here ({@code https://rest.fal.ai/tokens/}). */
    static final String TOKEN_HOST = "rest.fal.ai";
    static final int MAX_LENGTH = 4096;
    private static final Pattern DISGUISED = Pattern.compile("%(2[fF]|5[cC]|2[eE])|//|/\\.{1,2}(/|$)");

    public static ProxyTarget parse(String header) {
        if (header == null || header.isBlank()) {
            throw invalid("the " + HEADER + " header is missing: it names the fal URL to call, e.g. https://fal.run/fal-ai/fast-sdxl");
        }
        if (header.length() > MAX_LENGTH) {
            throw invalid("the " + HEADER + " header is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(header.trim());
        } catch (URISyntaxException e) {
            throw invalid("the " + HEADER + " header is not a URL (" + e.getReason() + ")");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw invalid("the " + HEADER + " header must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("the " + HEADER + " header must be https://host/path[?query], without user info or fragment");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (DISGUISED.matcher(path).find()) {
            throw invalid("the " + HEADER + " path must not have empty, '.' or '..' segments or encoded '/', '\\' or '.'");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return new ProxyTarget(uri.getPort() == -1 || uri.getPort() == 443 ? host : host + ":" + uri.getPort(), path, uri.getRawQuery());
    }

    /** {@code host/path[?query]}: what allowed-target patterns match. */
    public String withoutScheme() {
        return host + pathAndQuery();
    }

    public String pathAndQuery() {
        return query == null ? path : path + "?" + query;
    }

    /** fal's real-time token endpoint, however the path is spelled: such calls are always scoped. */
    public boolean isTokenRequest() {
        return host.equals(TOKEN_HOST) && path.replaceAll("/+$", "").equalsIgnoreCase("/tokens");
    }

    /**
     * The app a call to fal's run hosts ({@code fal.run}, {@code queue.fal.run}, any {@code *.fal.run}) is for: its first
     * path segments, e.g. {@code fal-ai/flux} in {@code https://queue.fal.run/fal-ai/flux/requests/1/status}.
     *
     * @throws RealtimeException {@code INVALID_INPUT} when such a call names no valid app
     */
    public Optional<AppId> app() {
        if (!host.equals("fal.run") && !host.endsWith(".fal.run")) {
            return Optional.empty();
        }
        String[] segments = path.substring(1).split("/", -1);
        AppId app = segments.length >= 2 ? AppId.parse(segments[0] + "/" + segments[1]) : AppId.parse(segments[0]);
        return Optional.of(app);
    }

    @Override
    public String toString() {
        String described = "https://" + host + path;
        return described.length() > 120 ? described.substring(0, 120) + "..." : described;
    }

    private static RealtimeException invalid(String message) {
        return new RealtimeException(ErrorCode.INVALID_INPUT, message);
    }
}
