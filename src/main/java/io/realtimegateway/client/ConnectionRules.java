package io.realtimegateway.client;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtimegateway.config.ClientConfig;
import io.realtimegateway.protocol.Bounds;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.RealtimeUrl;

/**
 * A connection's options in one place: their defaults ({@code gateway.client.*}) and the values callers may ask for.
 * Each edge resolves them once: the HTTP body's parser (naming the body's fields) and {@link RealtimeClient#connect}
 * for Java callers. Past that, options are complete and trusted: nothing downstream defaults or checks them again.
 */
@ApplicationScoped
public class ConnectionRules {

    private static final Pattern CONNECTION_KEY = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private final ClientConfig config;

    ConnectionRules(ClientConfig config) {
        this.config = config;
    }

    /**
     * The options with each unset value given its default and each value checked ({@code path} and
     * {@code connectionKey} stay null when unset: the app's default path, a private connection).
     *
     * @param throttleField what the caller calls the throttle, for the message if it is out of range
     * @throws RealtimeException {@code INVALID_INPUT} naming the field at fault
     */
    public RealtimeOptions resolve(RealtimeOptions options, String throttleField) {
        Duration throttle = checkThrottle(throttleField, Objects.requireNonNullElse(options.throttleInterval(), config.throttle().defaultInterval()));
        String key = options.connectionKey();
        if (key != null && !CONNECTION_KEY.matcher(key).matches()) {
            throw new RealtimeException(ErrorCode.INVALID_INPUT, "connectionKey must be 1 to 128 characters of letters, digits and . _ : @ -");
        }
        int maxBuffering = RealtimeUrl.checkMaxBuffering(Objects.requireNonNullElse(options.maxBuffering(), config.defaultMaxBuffering()));
        return new RealtimeOptions(key, throttle, maxBuffering, options.path() == null ? null : RealtimeUrl.checkPath(options.path()));
    }

    /** 32 ms to 10 s by default; 0 only where benchmarks allow it ({@code gateway.client.throttle.*}). */
    private Duration checkThrottle(String field, Duration requested) {
        if (requested.isZero() && config.throttle().allowUnpaced()) {
            return requested;
        }
        Bounds.check(field, requested.toMillis(), config.throttle().min().toMillis(), config.throttle().max().toMillis(), " ms");
        return requested;
    }
}
