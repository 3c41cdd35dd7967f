package io.realtimegateway.auth;

/**
 * A fal key and where it came from. The source is what error messages name; the key itself is never
 * logged or returned.
 */
public record Credentials(String key, String source) {

    public String authorizationHeader() {
        return "Key " + key;
    }

    @Override
    public String toString() {
        return "Credentials[source=" + source + "]";
    }
}
