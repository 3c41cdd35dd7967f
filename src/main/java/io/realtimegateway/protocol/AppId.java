package io.realtimegateway.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A fal app id: {@code owner/alias}, optionally followed by a sub-path ({@code owner/alias/some/path}).
 * Legacy ids {@code 1234-alias} mean {@code 1234/alias}. Parsing is strict because an app id ends up
 * in an upstream URL: it must never change the host or escape the path. Owners take lowercase letters,
 * digits, {@code -} and {@code _}; aliases and sub-path segments also take {@code .} (as in {@code v1.1}),
 * but never at either end.
 *
 * @param owner the owner segment, e.g. {@code fal-ai}
 * @param alias the app's alias, e.g. {@code flux-lora-realtime}
 * @param subPath the segments after the alias joined by {@code /}, or empty
 */
public record AppId(String owner, String alias, String subPath) {

    /** Longest accepted segment; fal's own ids are far shorter. */
    public static final int MAX_SEGMENT_LENGTH = 64;
    private static final int MAX_SUB_PATH_SEGMENTS = 8;
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9._-]+");
    private static final String SEGMENT_CHARACTERS = "lowercase letters, digits, '-', '_' and '.'";
    /** Owners are account names, never host names: no dots, so {@code evil.com/x} cannot pass for an app. */
    private static final Pattern OWNER = Pattern.compile("[a-z0-9_-]+");
    private static final String OWNER_CHARACTERS = "lowercase letters, digits, '-' and '_'";
    private static final Pattern LEGACY = Pattern.compile("([0-9]+)-([a-zA-Z0-9-]+)");

    public AppId {
        checkSegment("owner", owner, OWNER, OWNER_CHARACTERS);
        checkSegment("alias", alias, SEGMENT, SEGMENT_CHARACTERS);
        if (!subPath.isEmpty()) {
            Arrays.stream(subPath.split("/", -1)).forEach(segment -> checkSegment("path segment", segment, SEGMENT, SEGMENT_CHARACTERS));
        }
    }

    /** Parses and validates an app id; throws {@link RealtimeException} with {@code INVALID_INPUT} when it is not one. */
    public static AppId parse(String id) {
        if (id == null || id.isBlank()) {
            throw invalid("the app id is empty; expected owner/alias, e.g. fal-ai/flux-lora-realtime");
        }
        var legacy = LEGACY.matcher(id);
        if (legacy.matches()) {
            return new AppId(legacy.group(1), legacy.group(2).toLowerCase(), "");
        }
        List<String> segments = Arrays.asList(id.split("/", -1));
        if (segments.size() < 2) {
            throw invalid("app id '" + printable(id) + "' is not of the form owner/alias, e.g. fal-ai/flux-lora-realtime");
        }
        if (segments.size() > 2 + MAX_SUB_PATH_SEGMENTS) {
            throw invalid("app id '" + printable(id) + "' has too many path segments");
        }
        return new AppId(segments.get(0), segments.get(1), String.join("/", segments.subList(2, segments.size())));
    }

    /** Checks an alias on its own (fal's real-time tokens name aliases, not owners); returns it when valid. */
    public static String requireAlias(String alias) {
        checkSegment("alias", alias, SEGMENT, SEGMENT_CHARACTERS);
        return alias;
    }

    /** {@code owner/alias}, without the sub-path: what allow-lists and the catalog match on. */
    public String id() {
        return owner + "/" + alias;
    }

    @Override
    public String toString() {
        return subPath.isEmpty() ? id() : id() + "/" + subPath;
    }

    private static void checkSegment(String what, String segment, Pattern allowed, String allowedCharacters) {
        if (segment == null || segment.isEmpty()) {
            throw invalid("app id has an empty " + what + "; expected owner/alias, e.g. fal-ai/flux-lora-realtime");
        }
        if (segment.length() > MAX_SEGMENT_LENGTH) {
            throw invalid("app id " + what + " is longer than " + MAX_SEGMENT_LENGTH + " characters");
        }
        if (!allowed.matcher(segment).matches()) {
            throw invalid("app id " + what + " '" + printable(segment) + "' may only contain " + allowedCharacters);
        }
        if (segment.chars().allMatch(c -> c == '.')) {
            throw invalid("app id " + what + " '" + segment + "' is not allowed");
        }
        // 'x.' would be another app than 'x' to every map keyed by id, and the same to anyone reading it.
        if (segment.startsWith(".") || segment.endsWith(".")) {
            throw invalid("app id " + what + " '" + segment + "' may not start or end with '.'");
        }
    }

    /** Echo hostile input back without control characters and at a bounded length. */
    static String printable(String text) {
        String cleaned = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "..." : cleaned;
    }

    private static RealtimeException invalid(String message) {
        return new RealtimeException(ErrorCode.INVALID_INPUT, message);
    }
}
