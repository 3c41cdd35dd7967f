package io.realtimegateway.proxy;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/**
 * What a proxied real-time token request may ask for. fal's client posts {@code {"allowed_apps":["alias"],
 * "token_expiration":120}}; the upstream receives a body rebuilt from those two fields only, with every alias one the
 * gateway's allow-list lets through and the lifetime at most the configured cap. Anything else in the body is dropped.
 */
final class TokenScope {

    /** A token request is two short fields; anything longer is not one. */
    static final int MAX_BODY_BYTES = 8 * 1024;

    private final Predicate<String> aliasAllowed;
    private final String allowedApps;
    private final long maxSeconds;
    private final int maxApps;
    private final ObjectMapper json;

    /**
     * @param aliasAllowed whether a token may name this alias
     * @param allowedApps the allow-list in words, for messages
     */
    TokenScope(Predicate<String> aliasAllowed, String allowedApps, long maxSeconds, int maxApps, ObjectMapper json) {
        this.aliasAllowed = aliasAllowed;
        this.allowedApps = allowedApps;
        this.maxSeconds = maxSeconds;
        this.maxApps = maxApps;
        this.json = json;
    }

    /** The body to send upstream instead of the caller's. */
    String rebuild(byte[] body) {
        JsonNode ask = parse(body);
        Map<String, Object> scoped = new LinkedHashMap<>();
        scoped.put("allowed_apps", aliases(ask.get("allowed_apps")));
        scoped.put("token_expiration", lifetime(ask.get("token_expiration")));
        return write(scoped);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode ask = body.length == 0 ? null : json.readTree(body);
            if (ask != null && ask.isObject()) {
                return ask;
            }
        } catch (IOException e) {
            // answered below, without echoing the body
        }
        throw invalid("a token request's body must be a JSON object such as {\"allowed_apps\":[\"flux-lora-realtime\"],\"token_expiration\":120}");
    }

    private Set<String> aliases(JsonNode apps) {
        if (apps == null || !apps.isArray() || apps.isEmpty() || apps.size() > maxApps) {
            throw invalid("allowed_apps must list 1 to " + maxApps + " app aliases, e.g. [\"flux-lora-realtime\"]");
        }
        Set<String> aliases = new LinkedHashSet<>();
        for (JsonNode app : apps) {
            if (!app.isTextual()) {
                throw invalid("allowed_apps must hold app aliases as strings, e.g. [\"flux-lora-realtime\"]");
            }
            String alias = AppId.requireAlias(app.textValue());
            if (!aliasAllowed.test(alias)) {
                throw new RealtimeException(ErrorCode.APP_NOT_FOUND, "no token for " + alias
                        + ": the app is not available through this gateway (allowed: " + allowedApps + ")");
            }
            aliases.add(alias);
        }
        return aliases;
    }

    private long lifetime(JsonNode expiration) {
        if (expiration == null || expiration.isNull()) {
            return maxSeconds;
        }
        if (!expiration.isIntegralNumber() || !expiration.canConvertToLong() || expiration.longValue() < 1) {
            throw invalid("token_expiration must be a whole number of seconds, at least 1");
        }
        // Capped rather than refused: fal's client always asks 120 s and would otherwise fail without a word.
        return Math.min(expiration.longValue(), maxSeconds);
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("a token request body could not be written", e);
        }
    }

    private static RealtimeException invalid(String message) {
        return new RealtimeException(ErrorCode.INVALID_INPUT, message);
    }
}
