package io.realtimegateway.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Builds the URL of an app's real-time endpoint: {@code {base}/{owner}/{alias}{path}?fal_jwt_token=..&max_buffering=..}. */
public final class RealtimeUrl {

    /** The endpoint path fal's real-time apps serve when none is given. */
    public static final String DEFAULT_PATH = "/realtime";
    public static final int MIN_MAX_BUFFERING = 1;
    public static final int MAX_MAX_BUFFERING = 60;
    private static final int MAX_PATH_LENGTH = 128;
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");
    /** Tokens travel in the query, which the WebSocket client re-decodes: only unreserved characters are safe. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]+");

    private RealtimeUrl() {
    }

    /**
     * @param base the real-time base URL, e.g. {@code wss://fal.run}; may carry a path prefix
     * @param app the app
     * @param path the endpoint path, or null for the default (none when the app id already names one)
     * @param token the short-lived token
     * @param maxBuffering how many inputs the upstream may hold queued (checked where it came in: {@link #checkMaxBuffering}),
     *        or null to leave it to the app
     */
    public static URI of(URI base, AppId app, String path, String token, Integer maxBuffering) {
        if (!TOKEN.matcher(token).matches()) {
            throw new RealtimeException(ErrorCode.UPSTREAM_ERROR, "the token endpoint returned a token with unexpected characters");
        }
        StringBuilder query = new StringBuilder("fal_jwt_token=").append(token);
        if (maxBuffering != null) {
            query.append("&max_buffering=").append(maxBuffering);
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String fullPath = basePath + "/" + app + endpointPath(app, path);
        try {
            return new URI(base.getScheme(), null, base.getHost(), base.getPort(), fullPath, query.toString(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build a real-time URL from " + base, e);
        }
    }

    /**
     * The endpoint path to append after the app id; follows fal's clients for ids that already end in it. The path was
     * checked where it came in; it is checked again here on purpose, since this is where a URL that cannot leave the
     * app's path is promised, for every URL built.
     */
    static String endpointPath(AppId app, String path) {
        if (path != null) {
            return checkPath(path);
        }
        return ("/" + app.subPath()).endsWith(DEFAULT_PATH) ? "" : DEFAULT_PATH;
    }

    /** Validates an endpoint path such as {@code /realtime}; throws {@code INVALID_INPUT} otherwise. */
    public static String checkPath(String path) {
        if (path.length() > MAX_PATH_LENGTH || !PATH.matcher(path).matches() || path.contains("/./") || path.contains("/..")
                || path.endsWith("/.")) {
            throw new RealtimeException(ErrorCode.INVALID_INPUT, "path '" + AppId.printable(path)
                    + "' must look like /realtime: '/'-separated segments of letters, digits, '-', '_' and '.', at most "
                    + MAX_PATH_LENGTH + " characters");
        }
        return path;
    }

    /** Validates {@code max_buffering}; throws {@code INVALID_INPUT} outside 1..60. */
    public static int checkMaxBuffering(long maxBuffering) {
        return (int) Bounds.check("maxBuffering", maxBuffering, MIN_MAX_BUFFERING, MAX_MAX_BUFFERING, "");
    }
}
