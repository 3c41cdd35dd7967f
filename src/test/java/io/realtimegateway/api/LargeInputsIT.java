package io.realtimegateway.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link LargeInputsTest} against the packaged application (the jar, or the native executable in a native build). */
@QuarkusIntegrationTest
class LargeInputsIT extends LargeInputsTest {
}
