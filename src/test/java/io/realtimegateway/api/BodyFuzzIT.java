package io.realtimegateway.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link BodyFuzzTest}'s cases against the packaged application: the same seed, so the same requests. */
@QuarkusIntegrationTest
class BodyFuzzIT extends BodyFuzzTest {
}
