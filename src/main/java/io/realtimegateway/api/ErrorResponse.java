package io.realtimegateway.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.realtimegateway.invocation.ErrorBody;
import io.realtimegateway.invocation.InvocationFailure;
import io.realtimegateway.invocation.ItemResult;
import io.realtimegateway.invocation.Summary;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/**
 * The body of every error answer: {@code {"error":{"code":"...","message":"..."}}}. When an invocation failed as a
 * whole after some inputs were answered, their {@code results} and the {@code summary} come along.
 */
// Registered with what it holds: the native image serialises the code enum and the body by reflection.
@RegisterForReflection(targets = { ErrorResponse.class, ErrorBody.class, ErrorCode.class })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(ErrorBody error, List<ItemResult> results, Summary summary) {

    public static ErrorResponse of(RealtimeException failure) {
        if (failure instanceof InvocationFailure whole) {
            return new ErrorResponse(ErrorBody.of(failure), whole.partial().results(), whole.partial().summary());
        }
        return new ErrorResponse(ErrorBody.of(failure), null, null);
    }

    public static ErrorResponse of(ErrorCode code, String message) {
        return new ErrorResponse(new ErrorBody(code, message), null, null);
    }
}
