package io.realtimegateway.targets.knative;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CloudEventsTest} against the packaged service: the JVM build, or the native executable with -Pnative. */
@QuarkusIntegrationTest
class CloudEventsIT extends CloudEventsTest {
}
