package io.realtimegateway.targets.lambdahttp;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ApiGatewayTest} against the packaged function: the JVM build, or the native executable with -Pnative. */
@QuarkusIntegrationTest
class ApiGatewayIT extends ApiGatewayTest {
}
