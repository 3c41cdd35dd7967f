package io.realtimegateway.telemetry;

import io.opentelemetry.context.Context;

/**
 * The trace of the Lambda invocation being handled. Lambda's runtime API names it in an X-Ray header with each event;
 * Quarkus's poll loop, like AWS's own Java runtime, keeps it in the system property {@value #PROPERTY} while the
 * event is handled (Lambda hands a function one event at a time). The poll loop leaves the previous value in place
 * for an event that comes without one, which Lambda does not send: every event names its trace.
 */
public final class LambdaRuntimeTrace {

    static final String PROPERTY = "com.amazonaws.xray.traceHeader";

    private LambdaRuntimeTrace() {
    }

    /** The current context; under the Lambda invocation's trace when nothing current names a trace and the runtime did. */
    public static Context current() {
        return XRayTraceHeader.fallback(Context.current(), System.getProperty(PROPERTY));
    }
}
