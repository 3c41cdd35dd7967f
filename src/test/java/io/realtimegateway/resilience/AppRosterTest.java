package io.realtimegateway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.realtimegateway.protocol.AppId;

class AppRosterTest {

    private final AppRoster roster = new AppRoster(List.of("fal-ai/*", "acme/painter", "*"), 2);

    @Test
    void theCatalogsAppsAndTheAppsTheAllowListNamesAreOnItFromTheStart() {
        assertTrue(roster.has(AppId.parse("fal-ai/flux-lora-realtime")));
        assertTrue(roster.has(AppId.parse("acme/painter")));
        assertEquals("acme/painter", roster.key(AppId.parse("acme/painter/sub/path")));
        assertFalse(roster.has(AppId.parse("fal-ai/nope-1")));
        assertEquals(AppRoster.OTHER_APPS, roster.key(AppId.parse("fal-ai/nope-1")));
    }

    @Test
    void appsTheUpstreamAcceptedJoinWhileThereIsRoomAndStay() {
        for (int i = 0; i < 5; i++) {
            roster.accepted(AppId.parse("fal-ai/real-" + i));
        }
        assertTrue(roster.has(AppId.parse("fal-ai/real-0")));
        assertTrue(roster.has(AppId.parse("fal-ai/real-1")));
        assertFalse(roster.has(AppId.parse("fal-ai/real-2")), "no room left");
        roster.accepted(AppId.parse("fal-ai/flux-lora-realtime"));
        assertTrue(roster.has(AppId.parse("fal-ai/real-0")), "the catalog's app took no room");
    }
}
