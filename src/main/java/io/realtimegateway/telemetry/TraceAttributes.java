package io.realtimegateway.telemetry;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The names the gateway's spans and span events use. Counts, codes and the app id only: never a key, a token,
 * a connectionKey (its {@link ConnectionKeyHash} instead) or a payload.
 */
public final class TraceAttributes {

    public static final AttributeKey<String> APP = AttributeKey.stringKey("gateway.app");
    public static final AttributeKey<String> CONNECTION_KEY_HASH = AttributeKey.stringKey("gateway.connection_key.hash");
    public static final AttributeKey<Long> INPUTS = AttributeKey.longKey("gateway.inputs");
    public static final AttributeKey<Long> PARALLELISM = AttributeKey.longKey("gateway.parallelism");
    public static final AttributeKey<Long> OK = AttributeKey.longKey("gateway.ok");
    public static final AttributeKey<Long> FAILED = AttributeKey.longKey("gateway.failed");
    public static final AttributeKey<Long> RECONNECTS = AttributeKey.longKey("gateway.reconnects");
    public static final AttributeKey<Long> THROTTLE_MS = AttributeKey.longKey("gateway.throttle_ms");
    public static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("gateway.error.code");

    /** The span event each input's outcome is recorded as, and its attributes. */
    public static final String INPUT_EVENT = "input";
    public static final AttributeKey<Long> INPUT_INDEX = AttributeKey.longKey("gateway.input.index");
    public static final AttributeKey<String> INPUT_STATUS = AttributeKey.stringKey("gateway.input.status");
    public static final AttributeKey<Long> INPUT_ATTEMPTS = AttributeKey.longKey("gateway.input.attempts");
    public static final AttributeKey<Double> INPUT_LATENCY_MS = AttributeKey.doubleKey("gateway.input.latency_ms");

    private TraceAttributes() {
    }
}
