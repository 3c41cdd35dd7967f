package io.realtimegateway.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Lets a native Lambda build report a failed invocation. Quarkus's Lambda poll loop posts the failure as a
 * {@code FunctionError} ({@code {"errorType","errorMessage"}}) written by Jackson, but funqy-amazon-lambda registers that
 * class for reflection without its accessors (Quarkus 3.34.2): natively Jackson finds no properties, the error cannot
 * be posted and the poll loop stops, so the function dies on its first failed invocation. Named as a string because
 * the class exists only in the Lambda builds; the other builds' images ignore a name they cannot resolve.
 */
@RegisterForReflection(classNames = "io.quarkus.amazon.lambda.runtime.FunctionError")
final class LambdaFunctionErrorReflection {

    private LambdaFunctionErrorReflection() {
    }
}
