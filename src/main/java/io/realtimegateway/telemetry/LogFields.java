package io.realtimegateway.telemetry;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.SpanContext;

/**
 * The fields a log line carries besides its message (JSON logs show them in {@code mdc}): the trace and span it
 * belongs to, the app, the connection key's hash. Opened around the log calls of one piece of work and closed
 * after them, on whatever thread they run: the gateway's work hops between event loops, where a request's own
 * MDC does not follow. Names match Quarkus's own trace fields, so a line logged inside a request reads the same.
 */
public final class LogFields implements AutoCloseable {

    public static final String APP = "app";
    public static final String CONNECTION_KEY_HASH = "connectionKeyHash";
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    /** What each field held before, restored on close (null: it was not set). */
    private final Map<String, Object> previous = new LinkedHashMap<>();

    private LogFields() {
    }

    /** @param connectionKey null for a private connection; only its hash is logged */
    public static LogFields of(String app, String connectionKey, SpanContext span) {
        LogFields fields = new LogFields();
        fields.put(APP, app);
        fields.put(CONNECTION_KEY_HASH, ConnectionKeyHash.of(connectionKey));
        if (span.isValid()) {
            fields.put(TRACE_ID, span.getTraceId());
            fields.put(SPAN_ID, span.getSpanId());
        }
        return fields;
    }

    private void put(String name, String value) {
        if (value != null) {
            previous.put(name, MDC.get(name));
            MDC.put(name, value);
        }
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
    }
}
