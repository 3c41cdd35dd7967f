package io.realtimegateway.telemetry;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * The fields a log line carries besides its message (JSON logs show them in {@code mdc}): the trace and span it
 * belongs to, the app, the connection key's hash. Opened around the log calls of one piece of work and closed
 * after them, on whatever thread they run: the gateway's work hops between event loops, where a request's own
 * MDC does not follow. Names match Quarkus's own trace fields, so a line logged inside a request reads the same.
 * <p>
 * Quarkus keeps the MDC of an event-loop thread in the current Vert.x context when it is a duplicated one (a
 * request's); on a root context (a client socket's callbacks) every access would make a new duplicate, and the fields
 * would be lost. There the log calls run in a duplicate of their own, from opening to closing.
 */
public final class LogFields implements AutoCloseable {

    public static final String APP = "app";
    public static final String CONNECTION_KEY_HASH = "connectionKeyHash";
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    private static final LogFields NONE = new LogFields(null, null);

    /** What each field held before, restored on close (null: it was not set). */
    private final Map<String, Object> previous = new LinkedHashMap<>();
    /** The duplicated context the log calls run in, and the context it replaced; null when the thread had one already. */
    private final ContextInternal entered;
    private final ContextInternal replaced;

    private LogFields() {
        Context current = Vertx.currentContext();
        if (current != null && !VertxContext.isDuplicatedContext(current)) {
            entered = (ContextInternal) VertxContext.createNewDuplicatedContext(current);
            replaced = entered.beginDispatch();
        } else {
            entered = null;
            replaced = null;
        }
    }

    /** @param connectionKeyHash {@link ConnectionKeyHash} of the key; null for a private connection */
    public static LogFields of(String app, String connectionKeyHash, SpanContext span) {
        LogFields fields = new LogFields();
        fields.put(APP, app);
        fields.put(CONNECTION_KEY_HASH, connectionKeyHash);
        if (span.isValid()) {
            fields.put(TRACE_ID, span.getTraceId());
            fields.put(SPAN_ID, span.getSpanId());
        }
        return fields;
    }

    /** No fields: closing it changes nothing. */
    public static LogFields none() {
        return NONE;
    }

    private void put(String name, String value) {
        if (value != null) {
            previous.put(name, MDC.get(name));
            MDC.put(name, value);
        }
    }

    private LogFields(ContextInternal entered, ContextInternal replaced) {
        this.entered = entered;
        this.replaced = replaced;
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                MDC.remove(name);
            } else {
                MDC.put(name, value);
            }
        });
        if (entered != null) {
            entered.endDispatch(replaced);
        }
    }
}
