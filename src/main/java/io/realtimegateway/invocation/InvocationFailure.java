package io.realtimegateway.invocation;

import java.time.Duration;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/** The invocation as a whole failed; the results that did arrive are kept and returned with the error. */
public class InvocationFailure extends RealtimeException {

    private final transient InvocationResponse partial;

    InvocationFailure(ErrorCode code, String message, Duration retryAfter, InvocationResponse partial) {
        super(code, message, retryAfter, null);
        this.partial = partial;
    }

    public InvocationResponse partial() {
        return partial;
    }
}
