package io.realtimegateway.client;

import static io.realtimegateway.Fixtures.body;
import static io.realtimegateway.Fixtures.prompts;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.EmbeddedUpstreamTest;
import io.realtimegateway.Fixtures;

/** The pool of warm sockets is keyed by settings, and settings made up by callers (junk app ids) leave nothing in it. */
@QuarkusTest
class IdlePoolTest extends EmbeddedUpstreamTest {

    @Inject
    RealtimeClient realtime;

    @Test
    void madeUpAppsLeaveNoPoolBehindOnceTheirLinksRetire() {
        for (int i = 0; i < 20; i++) {
            given().contentType("application/json").body(body(prompts(1, 1))).post("/v1/realtime/fal-ai/idle-pool-junk-" + i).then().statusCode(404);
        }
        given().contentType("application/json").body(body(prompts(1, 1))).post("/v1/realtime/" + Fixtures.SDXL).then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> realtime.openConnections() == 0);
        assertEquals(0, realtime.idlePools());
    }
}
