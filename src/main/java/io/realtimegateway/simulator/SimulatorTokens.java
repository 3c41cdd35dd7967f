package io.realtimegateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived real-time tokens, signed with a secret made at start: {@code payload.signature}, the payload
 * naming the allowed app aliases and the expiry. Stateless, so nothing grows as tokens are issued.
 */
final class SimulatorTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret = new byte[32];
    private final Clock clock;

    SimulatorTokens(Clock clock) {
        this.clock = clock;
        reseed();
    }

    /** A new signing secret: every token issued so far stops being valid (after a restore, each copy signs its own). */
    void reseed() {
        new SecureRandom().nextBytes(secret);
    }

    String issue(List<String> aliases, long lifetimeSeconds) {
        String payload = String.join(",", aliases) + "|" + (clock.instant().getEpochSecond() + lifetimeSeconds);
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(sign(payloadBytes));
    }

    /** Whether the token is ours, unexpired, and allows the alias. */
    boolean allows(String token, String alias) {
        if (token == null) {
            return false;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 2) {
            return false;
        }
        try {
            byte[] payload = DECODER.decode(parts[0]);
            if (!MessageDigest.isEqual(sign(payload), DECODER.decode(parts[1]))) {
                return false;
            }
            String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|");
            return Long.parseLong(fields[1]) > clock.instant().getEpochSecond() && Arrays.asList(fields[0].split(",")).contains(alias);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
