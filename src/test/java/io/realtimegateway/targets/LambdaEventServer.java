package io.realtimegateway.targets;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;

/**
 * Quarkus's mock Lambda event server, which the Lambda builds' tests post their events to. It listens on a free port
 * ({@code quarkus.lambda.mock-event-server.test-port=0}, set by the Lambda profiles in pom.xml) and its dev service
 * publishes the port it got under the same key: in the app's configuration under {@code @QuarkusTest}, as a system
 * property of the test JVM under {@code @QuarkusIntegrationTest} (which otherwise points REST Assured at the app's own
 * HTTP port, or at none).
 */
public final class LambdaEventServer {

    private static final String PORT = "quarkus.lambda.mock-event-server.test-port";

    private LambdaEventServer() {
    }

    /** Points REST Assured at the mock event server. */
    public static void useForRestAssured() {
        RestAssured.port = ConfigProvider.getConfig().getValue(PORT, Integer.class);
    }
}
