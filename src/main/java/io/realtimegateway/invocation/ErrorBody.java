package io.realtimegateway.invocation;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/** An error as callers see it: a stable code and a message a person can act on. */
public record ErrorBody(ErrorCode code, String message) {

    public static ErrorBody of(RealtimeException error) {
        return new ErrorBody(error.code(), error.getMessage());
    }
}
