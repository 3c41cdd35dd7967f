package io.realtimegateway.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.netty.buffer.ByteBufInputStream;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.vertx.core.buffer.Buffer;

/**
 * The trace a structured-mode CloudEvent names in its envelope ({@code traceparent} and {@code tracestate}, the
 * CloudEvents distributed-tracing extension). In binary mode the extension travels as HTTP headers, where Quarkus
 * reads it for the request's span; in structured mode it is part of the body, which only the function sees. When the
 * event names a trace other than its HTTP request's, the invocation joins the event's trace and links to the request's
 * span, so that neither trace loses it. Stateless.
 */
public final class StructuredEventTrace {

    private static final String CONTENT_TYPE = "application/cloudevents+json";

    private static final JsonFactory JSON = new JsonFactory();
    private static final ContextKey<SpanContext> TRANSPORT = ContextKey.named("gateway.cloud-event-transport");
    private static final TextMapGetter<Map<String, String>> FIELDS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier.get(key);
        }
    };

    private StructuredEventTrace() {
    }

    /**
     * The context to invoke in: the event's trace, linked to the request's span, when a structured event names a
     * trace other than {@code current}'s; otherwise {@code current}.
     *
     * @param contentType the request's {@code Content-Type}, null if it has none
     * @param body the request's body, null if it has none
     */
    public static Context of(Context current, String contentType, Buffer body) {
        // Every Funqy call over HTTP comes here: compared in place, case aside, rather than lower-cased.
        if (contentType == null || !contentType.regionMatches(true, 0, CONTENT_TYPE, 0, CONTENT_TYPE.length()) || body == null) {
            return current;
        }
        Map<String, String> fields = envelopeFields(new ByteBufInputStream(body.getByteBuf()));
        if (!fields.containsKey("traceparent")) {
            return current;
        }
        // Into the current context, which keeps its other entries (baggage): only the span is the event's.
        Context event = W3CTraceContextPropagator.getInstance().extract(current, fields, FIELDS);
        SpanContext named = Span.fromContext(event).getSpanContext();
        SpanContext request = Span.fromContext(current).getSpanContext();
        if (!named.isValid() || named.getTraceId().equals(request.getTraceId())) {
            return current;
        }
        return request.isValid() ? event.with(TRANSPORT, request) : event;
    }

    /** Links a span started under {@link #of}'s context to the HTTP request's span it left. */
    public static SpanBuilder linkTransport(SpanBuilder span, Context parent) {
        SpanContext transport = parent.get(TRANSPORT);
        return transport != null ? span.addLink(transport) : span;
    }

    /**
     * The envelope's top-level {@code traceparent} and {@code tracestate} strings, read up to where both are found (the
     * body is bounded before Funqy reads it); none for a body that is not a JSON object.
     */
    static Map<String, String> envelopeFields(InputStream body) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Map.of();
            }
            while (fields.size() < 2 && parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && (name.equals("traceparent") || name.equals("tracestate"))) {
                    fields.putIfAbsent(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException malformed) {
            // Funqy refuses the event itself; it names no trace.
            return Map.of();
        }
        return fields;
    }
}
