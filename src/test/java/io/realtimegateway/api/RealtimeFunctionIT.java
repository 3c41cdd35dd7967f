package io.realtimegateway.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link RealtimeFunctionTest} against the packaged app: the jar, or the native executable with -Pnative. */
@QuarkusIntegrationTest
class RealtimeFunctionIT extends RealtimeFunctionTest {
}
