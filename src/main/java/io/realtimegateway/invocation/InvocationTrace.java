package io.realtimegateway.invocation;

import java.util.Optional;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.telemetry.ConnectionKeyHash;
import io.realtimegateway.telemetry.LogFields;
import io.realtimegateway.telemetry.StructuredEventTrace;
import io.realtimegateway.telemetry.TraceAttributes;

/**
 * The span of one invocation, a child of the caller's trace: the app, the connection key's hash and the counts as
 * attributes, and one {@code input} event per input as its outcome is booked (index, status, error code, how often
 * it was sent, latency), so resent and failed inputs show in the trace. Never a key, a token or a payload.
 * Thread-safe (spans are): outcomes are booked on whichever thread delivers them.
 */
final class InvocationTrace {

    private final Span span;
    private final InvocationRequest request;

    private InvocationTrace(Span span, InvocationRequest request) {
        this.span = span;
        this.request = request;
    }

    static InvocationTrace start(Tracer tracer, Context parent, InvocationRequest request) {
        SpanBuilder builder = tracer.spanBuilder("invocation " + request.app()).setParent(parent).setSpanKind(SpanKind.INTERNAL)
                .setAttribute(TraceAttributes.APP, request.app().toString())
                .setAttribute(TraceAttributes.INPUTS, (long) request.inputs().size())
                .setAttribute(TraceAttributes.PARALLELISM, (long) request.parallelism());
        Span span = StructuredEventTrace.linkTransport(builder, parent).startSpan();
        // After the start, so that a span that records nothing (no exporter) costs no hash.
        String connectionKey = request.options().connectionKey();
        if (connectionKey != null && span.isRecording()) {
            span.setAttribute(TraceAttributes.CONNECTION_KEY_HASH, ConnectionKeyHash.of(connectionKey));
        }
        return new InvocationTrace(span, request);
    }

    /** The context the invocation's own work runs in: its span is the parent of what it starts. */
    Context context() {
        return Context.current().with(span);
    }

    /** The fields of the invocation's log lines. */
    LogFields logFields() {
        return LogFields.of(request.app().toString(), ConnectionKeyHash.of(request.options().connectionKey()), span.getSpanContext());
    }

    void outcome(ItemResult result) {
        if (!span.isRecording()) {
            return;
        }
        AttributesBuilder event = Attributes.builder()
                .put(TraceAttributes.INPUT_INDEX, (long) result.index())
                .put(TraceAttributes.INPUT_STATUS, result.status())
                .put(TraceAttributes.INPUT_ATTEMPTS, (long) result.attempts());
        if (result.error() != null) {
            event.put(TraceAttributes.ERROR_CODE, result.error().code().name());
        }
        if (result.latencyMs() != null) {
            event.put(TraceAttributes.INPUT_LATENCY_MS, result.latencyMs());
        }
        span.addEvent(TraceAttributes.INPUT_EVENT, event.build());
    }

    /** The caller hung up: the inputs still without an outcome end with the invocation's stop, and the span says why. */
    void callerLeft() {
        span.addEvent(TraceAttributes.CALLER_LEFT_EVENT);
    }

    /** Every input has its outcome; the invocation failed as a whole with the code given, if one is. */
    void finished(Summary summary, Optional<ErrorCode> wholeFailure) {
        span.setAttribute(TraceAttributes.OK, (long) summary.ok());
        span.setAttribute(TraceAttributes.FAILED, (long) summary.failed());
        span.setAttribute(TraceAttributes.RECONNECTS, (long) summary.reconnects());
        span.setAttribute(TraceAttributes.THROTTLE_MS, summary.effectiveThrottleMs());
        wholeFailure.ifPresent(this::failedAs);
        span.end();
    }

    /** The invocation never ran (a refused app or option) or broke; its code says why. */
    void refused(ErrorCode code) {
        failedAs(code);
        span.end();
    }

    private void failedAs(ErrorCode code) {
        span.setAttribute(TraceAttributes.ERROR_CODE, code.name());
        span.setStatus(StatusCode.ERROR, code.name());
    }
}
