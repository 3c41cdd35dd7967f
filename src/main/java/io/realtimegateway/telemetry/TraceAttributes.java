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
    /** On the invocation's span: its caller hung up, and what was not yet sent never will be. */
    public static final String CALLER_LEFT_EVENT = "caller left";

    /** An upstream socket's span: which of its connection's sockets it is, and how it ended. */
    public static final AttributeKey<Long> SOCKET_NUMBER = AttributeKey.longKey("gateway.socket.number");
    public static final AttributeKey<String> SOCKET_VERDICT = AttributeKey.stringKey("gateway.socket.verdict");
    public static final AttributeKey<Long> SOCKET_CLOSE_CODE = AttributeKey.longKey("gateway.socket.close_code");
    public static final AttributeKey<Long> SOCKET_SENT = AttributeKey.longKey("gateway.socket.sent");
    public static final AttributeKey<Long> SOCKET_RESENT = AttributeKey.longKey("gateway.socket.resent");
    public static final AttributeKey<Long> SOCKET_ANSWERED = AttributeKey.longKey("gateway.socket.answered");
    public static final AttributeKey<Long> SOCKET_UNANSWERED = AttributeKey.longKey("gateway.socket.unanswered");
    /** Its events: the token in hand, the upgrade done, each input sent (with {@link #INPUT_ATTEMPTS}). */
    public static final String TOKEN_EVENT = "token ready";
    public static final String OPEN_EVENT = "socket open";
    public static final String SENT_EVENT = "input sent";
    /** On the span of a caller whose inputs go out on a socket opened for another (shared or warm): which socket. */
    public static final String JOINED_EVENT = "upstream socket joined";
    public static final AttributeKey<String> SOCKET_TRACE_ID = AttributeKey.stringKey("gateway.socket.trace_id");
    public static final AttributeKey<String> SOCKET_SPAN_ID = AttributeKey.stringKey("gateway.socket.span_id");

    private TraceAttributes() {
    }
}
