package io.realtimegateway.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link HttpEdgeTest} against the packaged application (the jar, or the native executable in a native build). */
@QuarkusIntegrationTest
class HttpEdgeIT extends HttpEdgeTest {
}
