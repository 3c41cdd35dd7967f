package io.realtimegateway.invocation;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The outcome of one input, at the input's index.
 *
 * @param status {@code ok} or {@code error}
 * @param output the app's output, when ok
 * @param error why it failed, otherwise
 * @param attempts how many times the input was sent (0: never sent, e.g. rejected by local validation)
 * @param latencyMs from the input's last send to its result, when ok
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemResult(int index, String status, Map<String, Object> output, ErrorBody error, int attempts, Double latencyMs) {

    public static final String OK = "ok";
    public static final String ERROR = "error";

    public static ItemResult ok(int index, Map<String, Object> output, int attempts, double latencyMs) {
        return new ItemResult(index, OK, output, null, attempts, latencyMs);
    }

    public static ItemResult error(int index, ErrorBody error, int attempts) {
        return new ItemResult(index, ERROR, null, error, attempts, null);
    }

    @JsonIgnore
    public boolean isOk() {
        return OK.equals(status);
    }
}
