package io.realtimegateway.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.realtimegateway.invocation.ErrorBody;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/** The body of every error answer: {@code {"error":{"code":"...","message":"..."}}}. */
@RegisterForReflection
public record ErrorResponse(ErrorBody error) {

    public static ErrorResponse of(RealtimeException failure) {
        return new ErrorResponse(ErrorBody.of(failure));
    }

    public static ErrorResponse of(ErrorCode code, String message) {
        return new ErrorResponse(new ErrorBody(code.name(), message));
    }
}
