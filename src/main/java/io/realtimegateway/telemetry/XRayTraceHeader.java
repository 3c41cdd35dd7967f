package io.realtimegateway.telemetry;

import java.util.Optional;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;

/**
 * AWS's trace header ({@code X-Amzn-Trace-Id}, and the Lambda runtime's {@code Lambda-Runtime-Trace-Id}), e.g.
 * {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}, read as the W3C span context it
 * names: X-Ray's root is the trace id (its time and random parts together), its parent the span id. Pure.
 */
public final class XRayTraceHeader {

    /** Longer than any header AWS writes (theirs are under 200 characters, with a lineage); a longer one is refused unread. */
    static final int MAX_LENGTH = 512;

    private static final Pattern ROOT = Pattern.compile("1-([0-9a-f]{8})-([0-9a-f]{24})");
    private static final Pattern PARENT = Pattern.compile("[0-9a-f]{16}");

    private XRayTraceHeader() {
    }

    /** The context unchanged when it names a trace already; otherwise under the header's span, when it names one. */
    static Context fallback(Context context, String header) {
        if (Span.fromContext(context).getSpanContext().isValid()) {
            return context;
        }
        return parse(header).map(parent -> context.with(Span.wrap(parent))).orElse(context);
    }

    /**
     * The remote span context the header names; empty for a missing or malformed header, for one without a parent (a
     * load balancer's {@code Root=...} alone names a trace but no span to hang ours under), and for one whose sampling
     * is undecided ({@code Sampled=?} or none): as AWS's own propagator does, the gateway's trace then starts afresh
     * and its own sampler decides.
     */
    public static Optional<SpanContext> parse(String header) {
        if (header == null || header.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String traceId = null;
        String parentId = null;
        String sampled = null;
        for (String field : header.split(";")) {
            int equals = field.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = field.substring(0, equals).trim();
            String value = field.substring(equals + 1).trim();
            switch (key) {
                case "Root" -> {
                    var root = ROOT.matcher(value);
                    traceId = root.matches() ? root.group(1) + root.group(2) : null;
                }
                case "Parent" -> parentId = PARENT.matcher(value).matches() ? value : null;
                case "Sampled" -> sampled = value;
                default -> {
                    // Lineage, Self and fields yet to come say nothing about the span context.
                }
            }
        }
        if (traceId == null || parentId == null || !("0".equals(sampled) || "1".equals(sampled))) {
            return Optional.empty();
        }
        SpanContext context = SpanContext.createFromRemoteParent(traceId, parentId, sampled.equals("1") ? TraceFlags.getSampled()
                : TraceFlags.getDefault(), TraceState.getDefault());
        return context.isValid() ? Optional.of(context) : Optional.empty();
    }
}
