package io.realtimegateway.invocation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One result per input, in input order, and the totals. {@code connectionKey} only when the caller gave one. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvocationResponse(String app, String connectionKey, List<ItemResult> results, Summary summary) {
}
