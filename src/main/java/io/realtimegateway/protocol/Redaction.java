package io.realtimegateway.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys and tokens masked out of what the upstream sends, before callers, listeners or logs see it: an upstream that
 * echoes the request line would otherwise hand the socket's token to the caller. Texts (error reasons, close reasons,
 * failure messages) lose the secrets this redaction knows and anything shaped like one; outputs lose only the known
 * secrets and tokens in URL queries, so that a model's output is never altered for looking like a key.
 */
public final class Redaction {

    public static final String MASK = "***";
    /** A token in a URL's query. */
    private static final Pattern TOKEN_PARAMETER = Pattern.compile("(fal_jwt_token=)[^&\\s\"'<>]+");
    /** Credentials as HTTP sends them ({@code Authorization: Key ...}, {@code Bearer ...}) and JWTs (fal's tokens). */
    private static final Pattern CREDENTIALS = Pattern.compile(
            "(\\b(?:Key|Bearer|Basic)\\s+)[A-Za-z0-9._~+/:=-]{8,}|\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Redaction PATTERNS_ONLY = new Redaction(List.of());
    /** Shorter values are no secrets worth the name, and masking them would garble ordinary text. */
    private static final int MIN_SECRET_LENGTH = 8;

    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A redaction that also masks these exact values wherever they appear (a key, its parts, a socket's token). */
    public static Redaction of(Collection<String> secrets) {
        List<String> known = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH && !known.contains(secret)) {
                known.add(secret);
            }
        }
        // The longest first, so that a key is masked whole before one of its parts is.
        known.sort((a, b) -> b.length() - a.length());
        return new Redaction(List.copyOf(known));
    }

    /** Text with anything shaped like a token or a key masked. */
    public static String text(String text) {
        return PATTERNS_ONLY.scrub(text);
    }

    /** Text with the known secrets and anything shaped like a token or a key masked. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        return CREDENTIALS.matcher(TOKEN_PARAMETER.matcher(literals(text)).replaceAll("$1" + MASK))
                .replaceAll(match -> Matcher.quoteReplacement(match.group(1) == null ? MASK : match.group(1) + MASK));
    }

    /** The message with its texts scrubbed, and its output's strings cleared of known secrets and query tokens. */
    public UpstreamMessage scrub(UpstreamMessage message) {
        if (message instanceof UpstreamMessage.FalError error) {
            return new UpstreamMessage.FalError(scrub(error.error()), scrub(error.reason()));
        }
        if (message instanceof UpstreamMessage.Info info) {
            return new UpstreamMessage.Info(scrub(info.action()));
        }
        if (message instanceof UpstreamMessage.Result result) {
            @SuppressWarnings("unchecked")
            Map<String, Object> output = (Map<String, Object>) output(result.output());
            return output == result.output() ? result : new UpstreamMessage.Result(output);
        }
        return message;
    }

    /** The value itself when nothing in it needed masking, a copy otherwise. */
    private Object output(Object value) {
        if (value instanceof String text) {
            String masked = literals(text);
            return text.contains("fal_jwt_token=") ? TOKEN_PARAMETER.matcher(masked).replaceAll("$1" + MASK) : masked;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = null;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object masked = output(entry.getValue());
                if (masked != entry.getValue() && copy == null) {
                    copy = new LinkedHashMap<>(map);
                }
                if (copy != null) {
                    copy.put(entry.getKey(), masked);
                }
            }
            return copy == null ? map : copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = null;
            for (int i = 0; i < list.size(); i++) {
                Object masked = output(list.get(i));
                if (masked != list.get(i) && copy == null) {
                    copy = new ArrayList<>(list);
                }
                if (copy != null) {
                    copy.set(i, masked);
                }
            }
            return copy == null ? list : copy;
        }
        return value;
    }

    private String literals(String text) {
        String masked = text;
        for (String secret : secrets) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }
}
