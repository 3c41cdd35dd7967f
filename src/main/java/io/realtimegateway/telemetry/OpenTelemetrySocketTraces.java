package io.realtimegateway.telemetry;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * Upstream sockets as spans: {@code upstream socket {app}}, a child of the invocation (or other caller) it was opened
 * for, with events for the token and the open upgrade, one {@code input sent} event per send, and why it ended.
 */
@ApplicationScoped
public class OpenTelemetrySocketTraces implements SocketTraces {

    private final Tracer tracer;

    OpenTelemetrySocketTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public TraceParent current() {
        Context context = Context.current();
        return Span.fromContext(context).getSpanContext().isValid() ? new TraceParent(context) : TraceParent.NONE;
    }

    @Override
    public SocketTrace start(TraceParent parent, String app, String connectionKeyHash, int number) {
        SpanBuilder builder = tracer.spanBuilder("upstream socket " + app).setParent(parent.context()).setSpanKind(SpanKind.CLIENT)
                .setAttribute(TraceAttributes.APP, app)
                .setAttribute(TraceAttributes.SOCKET_NUMBER, (long) number);
        if (connectionKeyHash != null) {
            builder.setAttribute(TraceAttributes.CONNECTION_KEY_HASH, connectionKeyHash);
        }
        return new SpanSocketTrace(builder.startSpan(), parent, app, connectionKeyHash);
    }

    @Override
    public LogFields logFields(TraceParent parent, String app, String connectionKeyHash) {
        return LogFields.of(app, connectionKeyHash, Span.fromContext(parent.context()).getSpanContext());
    }

    /** One socket's span. Serial (its connection's executor), but for {@link #tokenReady}; spans are thread-safe. */
    private static final class SpanSocketTrace implements SocketTrace {

        private final Span span;
        private final TraceParent openedFor;
        private final String app;
        private final String connectionKeyHash;
        /** Serial only: the latest other caller noted as sending on this socket, so a run of its inputs is noted once. */
        private TraceParent lastJoined;

        SpanSocketTrace(Span span, TraceParent openedFor, String app, String connectionKeyHash) {
            this.span = span;
            this.openedFor = openedFor;
            this.app = app;
            this.connectionKeyHash = connectionKeyHash;
            this.lastJoined = openedFor;
        }

        @Override
        public void tokenReady() {
            span.addEvent(TraceAttributes.TOKEN_EVENT);
        }

        @Override
        public void opened() {
            span.addEvent(TraceAttributes.OPEN_EVENT);
        }

        @Override
        public void sent(int sends, TraceParent holder) {
            if (!span.isRecording()) {
                return;
            }
            span.addEvent(TraceAttributes.SENT_EVENT, Attributes.of(TraceAttributes.INPUT_ATTEMPTS, (long) sends));
            if (holder != lastJoined && holder != openedFor) {
                lastJoined = holder;
                Span.fromContext(holder.context()).addEvent(TraceAttributes.JOINED_EVENT, Attributes.of(
                        TraceAttributes.SOCKET_TRACE_ID, span.getSpanContext().getTraceId(),
                        TraceAttributes.SOCKET_SPAN_ID, span.getSpanContext().getSpanId()));
            }
        }

        @Override
        public void failed(String code) {
            span.setAttribute(TraceAttributes.ERROR_CODE, code);
            span.setStatus(StatusCode.ERROR, code);
            span.end();
        }

        @Override
        public void ended(SocketEnd end) {
            span.setAttribute(TraceAttributes.SOCKET_VERDICT, end.verdict());
            span.setAttribute(TraceAttributes.SOCKET_CLOSE_CODE, (long) end.closeCode());
            span.setAttribute(TraceAttributes.SOCKET_SENT, (long) end.sent());
            span.setAttribute(TraceAttributes.SOCKET_RESENT, (long) end.resent());
            span.setAttribute(TraceAttributes.SOCKET_ANSWERED, (long) end.answered());
            span.setAttribute(TraceAttributes.SOCKET_UNANSWERED, (long) end.unanswered());
            span.end();
        }

        @Override
        public LogFields logFields() {
            return LogFields.of(app, connectionKeyHash, span.getSpanContext());
        }
    }
}
