package io.realtimegateway.targets.lambda;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link RealtimeFunctionLambdaTest} against the packaged function: the JVM build, or the native executable with -Pnative. */
@QuarkusIntegrationTest
class RealtimeFunctionLambdaIT extends RealtimeFunctionLambdaTest {
}
