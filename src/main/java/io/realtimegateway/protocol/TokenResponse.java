package io.realtimegateway.protocol;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The token endpoint's answer: a bare JSON string, or {@code {"token": ..}} / {@code {"detail": ..}} from
 * older proxies, as fal's clients accept it.
 */
public final class TokenResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenResponse() {
    }

    public static String parse(String body) {
        Object value;
        try {
            value = JSON.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw unexpected("not JSON, " + body.length() + " characters");
        }
        if (value instanceof String token && !token.isEmpty()) {
            return token;
        }
        if (value instanceof Map<?, ?> map) {
            for (String field : new String[] { "token", "detail" }) {
                if (map.get(field) instanceof String token && !token.isEmpty()) {
                    return token;
                }
            }
            throw unexpected("an object with the fields " + Redaction.text(String.valueOf(map.keySet())));
        }
        throw unexpected(value == null ? "null" : "a JSON " + value.getClass().getSimpleName());
    }

    /** The request body fal's clients send: the token is valid for one app alias. */
    public static String requestBody(AppId app, long expirationSeconds) {
        try {
            return JSON.writeValueAsString(Map.of("allowed_apps", java.util.List.of(app.alias()), "token_expiration", expirationSeconds));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Says what came instead of a token, never the body itself: it might hold one. */
    private static RealtimeException unexpected(String what) {
        return new RealtimeException(ErrorCode.UPSTREAM_ERROR, "the token endpoint answered in an unexpected format (" + what + ")");
    }
}
