package io.realtimegateway.telemetry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What traces and logs say instead of a connectionKey: a caller may build keys from user ids, so the key itself
 * never leaves the process. The same key always gives the same hash (on every instance), so an operator can
 * still follow one key's invocations. A short key from a small set can be guessed back from its hash: callers who
 * mind choose opaque keys.
 */
public final class ConnectionKeyHash {

    private ConnectionKeyHash() {
    }

    /** The first 64 bits of the key's SHA-256, in hex; null for no key (a private connection). */
    public static String of(String connectionKey) {
        if (connectionKey == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(connectionKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
