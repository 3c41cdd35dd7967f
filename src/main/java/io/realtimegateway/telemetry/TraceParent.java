package io.realtimegateway.telemetry;

import io.opentelemetry.context.Context;

/**
 * The trace a caller works for, captured on its own thread when it joins a connection, so that the sockets opened
 * for it later, on other threads, are traced as its children. Opaque outside this package: the client holds it
 * without knowing OpenTelemetry. Immutable.
 */
public final class TraceParent {

    /** No trace: a socket opened for it starts none (unit tests, tracing off). */
    public static final TraceParent NONE = new TraceParent(Context.root());

    private final Context context;

    TraceParent(Context context) {
        this.context = context;
    }

    Context context() {
        return context;
    }
}
