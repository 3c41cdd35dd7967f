package io.realtimegateway.proxy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One allowed-target pattern, {@code host/path-glob}: the host literal, {@code *} within a path segment, {@code **}
 * across segments and into the query, every other character literal ({@code ?} included).
 */
record TargetPattern(String text, String host, Pattern path) {

    static TargetPattern parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        if (slash <= 0 || trimmed.substring(0, slash).contains("*") || trimmed.contains("://")) {
            throw new IllegalArgumentException("gateway.proxy.allowed-targets: '" + trimmed
                    + "' must be host/path with a literal host and no scheme, e.g. fal.run/** or rest.fal.ai/tokens/");
        }
        return new TargetPattern(trimmed, trimmed.substring(0, slash).toLowerCase(Locale.ROOT), Pattern.compile(regex(trimmed.substring(slash))));
    }

    boolean matches(ProxyTarget target) {
        return host.equals(target.host()) && path.matcher(target.pathAndQuery()).matches();
    }

    private static String regex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            if (glob.startsWith("**", i)) {
                regex.append(".*");
                i++;
            } else if (glob.charAt(i) == '*') {
                regex.append("[^/?]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(i))));
            }
        }
        return regex.toString();
    }
}
