package io.realtimegateway.invocation;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtimegateway.client.ConnectionRules;
import io.realtimegateway.client.RealtimeOptions;
import io.realtimegateway.config.InvocationConfig;
import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.Bounds;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.RealtimeUrl;

/**
 * Turns a request body (already parsed JSON) into an {@link InvocationRequest}, or says exactly which
 * field is wrong and how ({@code INVALID_INPUT}). Shared by the REST resource and the Funqy function.
 */
@ApplicationScoped
public class InvocationRequestParser {

    private static final Set<String> FIELDS = Set.of("inputs", "throttleIntervalMs", "connectionKey", "timeoutMs", "maxBuffering", "path",
            "parallelism");
    private static final String APP = "app";
    private static final Set<String> FUNCTION_FIELDS = Stream.concat(FIELDS.stream(), Stream.of(APP)).collect(Collectors.toUnmodifiableSet());

    private final InvocationConfig invocation;
    private final ConnectionRules connectionRules;

    InvocationRequestParser(InvocationConfig invocation, ConnectionRules connectionRules) {
        this.invocation = invocation;
        this.connectionRules = connectionRules;
    }

    /** The fields a body may have, for the OpenAPI document to be checked against. */
    public static Set<String> fields() {
        return FIELDS;
    }

    /** The body of {@code POST /v1/realtime/{owner}/{alias}}. */
    public InvocationRequest parse(AppId app, Map<String, Object> body) {
        checkFields(body, FIELDS);
        return parseChecked(app, body);
    }

    /** The body of the {@code realtime} function: the same, with the app id in an {@code "app"} field. */
    public InvocationRequest parseFunctionCall(Map<String, Object> body) {
        checkFields(body, FUNCTION_FIELDS);
        Object app = body.get(APP);
        if (app == null) {
            throw invalid("app is required: the app id as a string, e.g. \"fal-ai/flux-lora-realtime\"");
        }
        if (!(app instanceof String id)) {
            throw invalid("app must be a string such as \"fal-ai/flux-lora-realtime\", got " + typeOf(app));
        }
        return parseChecked(AppId.parse(id), body);
    }

    /** Fields already checked; an {@code "app"} field among them has been read by the caller. */
    private InvocationRequest parseChecked(AppId app, Map<String, Object> body) {
        List<Map<String, Object>> inputs = inputs(body.get("inputs"));
        Duration timeout = optionalMillis(body, "timeoutMs", Duration.ofMillis(1), invocation.timeout().max());
        Object throttle = body.get("throttleIntervalMs");
        Object maxBuffering = body.get("maxBuffering");
        Object parallelism = body.get("parallelism");
        RealtimeOptions options = connectionRules.resolve(new RealtimeOptions(optionalText(body, "connectionKey"),
                throttle == null ? null : Duration.ofMillis(wholeNumber("throttleIntervalMs", throttle)),
                maxBuffering == null ? null : bufferingAsInt(wholeNumber("maxBuffering", maxBuffering)),
                optionalText(body, "path")), "throttleIntervalMs");
        return new InvocationRequest(app, inputs, options, timeout != null ? timeout : invocation.timeout().defaultValue(),
                parallelism == null ? 1 : (int) Bounds.check("parallelism", wholeNumber("parallelism", parallelism), 1, invocation.maxParallelism(), ""));
    }

    /** The value when it fits an int; one that does not is out of range, and refused by the range's own rule. */
    private static int bufferingAsInt(long maxBuffering) {
        return maxBuffering == (int) maxBuffering ? (int) maxBuffering : RealtimeUrl.checkMaxBuffering(maxBuffering);
    }

    private static void checkFields(Map<String, Object> body, Set<String> known) {
        if (body == null) {
            throw invalid("the request body is empty; expected a JSON object with an \"inputs\" array");
        }
        for (String field : body.keySet()) {
            if (!known.contains(field)) {
                throw invalid("unknown field '" + field + "'; the known fields are " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> inputs(Object value) {
        if (value == null) {
            throw invalid("inputs is required: a non-empty array of input objects");
        }
        if (!(value instanceof List<?> list)) {
            throw invalid("inputs must be an array of input objects, got " + typeOf(value));
        }
        if (list.isEmpty()) {
            throw invalid("inputs must not be empty");
        }
        if (list.size() > invocation.maxInputs()) {
            throw invalid("inputs has " + list.size() + " items; at most " + invocation.maxInputs()
                    + " are allowed per invocation (gateway.invocation.max-inputs)");
        }
        List<Map<String, Object>> inputs = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> input)) {
                throw invalid("inputs[" + i + "] must be a JSON object, got " + typeOf(list.get(i)));
            }
            inputs.add((Map<String, Object>) input);
        }
        return inputs;
    }

    private static Duration optionalMillis(Map<String, Object> body, String field, Duration min, Duration max) {
        Object value = body.get(field);
        return value == null ? null
                : Duration.ofMillis(Bounds.check(field, wholeNumber(field, value), min.toMillis(), max.toMillis(), " ms"));
    }

    private static String optionalText(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw invalid(field + " must be a string, got " + typeOf(value));
        }
        return (String) value;
    }

    private static long wholeNumber(String field, Object value) {
        if ((value instanceof Integer || value instanceof Long) || (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e15 && !(value instanceof BigInteger))) {
            return ((Number) value).longValue();
        }
        throw invalid(field + " must be a whole number, got " + typeOf(value));
    }

    private static String typeOf(Object value) {
        if (value instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        return value instanceof List ? "an array" : value instanceof Map ? "an object" : "null";
    }

    private static RealtimeException invalid(String message) {
        return new RealtimeException(ErrorCode.INVALID_INPUT, message);
    }
}
