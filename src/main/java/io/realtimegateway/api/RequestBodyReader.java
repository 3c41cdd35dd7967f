package io.realtimegateway.api;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.realtimegateway.config.HttpEdgeConfig;
import io.realtimegateway.config.InvocationConfig;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The one reader of invocation bodies, for {@code POST /v1/realtime/{owner}/{alias}[/stream]} and the function's
 * {@code POST /realtime}: the body (read whole by Vert.x, within {@code gateway.invocation.max-body-size}) must be JSON,
 * one object, within {@link BoundedJsonReader}'s bounds. The object is handed on in the routing context
 * ({@link #parsed}); Quarkus REST never reads these bodies itself (its own reader corrupts bodies over its 10 KB input
 * buffer, quarkusio/quarkus#48777), and Funqy reads only bodies this has accepted.
 */
@ApplicationScoped
public class RequestBodyReader {

    private static final String PARSED = RequestBodyReader.class.getName() + ".parsed";
    /** Smaller bodies parse in microseconds on the event loop; larger ones on a worker, not to stall other connections. */
    private static final int PARSE_INLINE_BYTES = 64 * 1024;
    private static final String REST_EXAMPLE = "{\"inputs\":[{\"prompt\":\"...\"}]}";
    static final String FUNCTION_EXAMPLE = "{\"app\":\"fal-ai/flux-lora-realtime\",\"inputs\":[{\"prompt\":\"...\"}]}";

    private final BoundedJsonReader json;
    private final ErrorRenderer errors;

    RequestBodyReader(ObjectMapper mapper, HttpEdgeConfig edge, InvocationConfig invocation, ErrorRenderer errors) {
        this.json = new BoundedJsonReader(mapper, edge.json(), invocation.maxBodySize().asLongValue());
        this.errors = errors;
    }

    /** The body of {@code POST /v1/realtime/{owner}/{alias}[/stream]}. */
    void readInvocation(RoutingContext context) {
        read(context, REST_EXAMPLE);
    }

    /** The body of the function's {@code POST /realtime}. */
    void readFunctionCall(RoutingContext context) {
        read(context, FUNCTION_EXAMPLE);
    }

    /** The body's JSON object, for the resources; the reader has run for every request that reaches them. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parsed(RoutingContext context) {
        return (Map<String, Object>) context.get(PARSED);
    }

    private void read(RoutingContext context, String example) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && !isJson(type)) {
            errors.send(context, 415, new RealtimeException(ErrorCode.INVALID_INPUT, "send the body as JSON (Content-Type: application/json)"));
            return;
        }
        Buffer body = context.body().buffer();
        byte[] bytes = body == null ? new byte[0] : body.getBytes();
        if (bytes.length <= PARSE_INLINE_BYTES) {
            accept(context, parse(bytes, example), example);
            return;
        }
        context.vertx().executeBlocking(() -> parse(bytes, example), false).onComplete(parsed -> {
            if (parsed.succeeded()) {
                accept(context, parsed.result(), example);
            } else {
                context.fail(parsed.cause());
            }
        });
    }

    /** The parsed value, or the refusal saying why there is none. */
    private Object parse(byte[] bytes, String example) {
        try {
            Object value = json.read(bytes);
            if (!(value instanceof Map)) {
                throw new RealtimeException(ErrorCode.INVALID_INPUT, "the body must be a JSON object such as " + example);
            }
            return value;
        } catch (RealtimeException refused) {
            return refused;
        }
    }

    private void accept(RoutingContext context, Object parsed, String example) {
        if (parsed instanceof RealtimeException refused) {
            Log.debugf("Refused the body of %s %s: %s", context.request().method(), context.request().path(), refused.getMessage());
            errors.send(context, 400, refused);
            return;
        }
        context.put(PARSED, parsed);
        context.next();
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase();
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
