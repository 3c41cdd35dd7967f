package io.realtimegateway.telemetry;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.quarkus.arc.Unremovable;
import io.quarkus.opentelemetry.runtime.propagation.TextMapPropagatorCustomizer;

/**
 * A request with no W3C {@code traceparent} but AWS's {@code X-Amzn-Trace-Id} (API Gateway adds it to every request
 * it passes to a Lambda function) continues that trace: the gateway's spans sit under the X-Ray segment that called it.
 * A {@code traceparent} wins when both are there; nothing is injected in X-Ray's format.
 */
@Singleton
@Unremovable // Only Quarkus's tracing looks it up.
public class XRayFallback implements TextMapPropagatorCustomizer {

    private static final String HEADER = "x-amzn-trace-id";

    @Override
    public TextMapPropagator customize(Context context) {
        TextMapPropagator configured = context.propagator();
        return configured instanceof W3CTraceContextPropagator ? new WithXRayFallback(configured) : configured;
    }

    /** The W3C propagator, reading X-Ray's header where it finds no context of its own. Stateless. */
    private record WithXRayFallback(TextMapPropagator w3c) implements TextMapPropagator {

        @Override
        public Collection<String> fields() {
            return w3c.fields();
        }

        @Override
        public <C> void inject(io.opentelemetry.context.Context context, C carrier, TextMapSetter<C> setter) {
            w3c.inject(context, carrier, setter);
        }

        @Override
        public <C> io.opentelemetry.context.Context extract(io.opentelemetry.context.Context context, C carrier, TextMapGetter<C> getter) {
            io.opentelemetry.context.Context extracted = w3c.extract(context, carrier, getter);
            return carrier == null ? extracted : XRayTraceHeader.fallback(extracted, getter.get(carrier, HEADER));
        }
    }
}
