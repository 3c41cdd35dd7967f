package io.realtimegateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.realtimegateway.protocol.AppId;

/**
 * The pool's books are keyed by link settings, which callers make up (app ids, connectionKeys): settings used once
 * leave nothing behind once their links retire, however many there were.
 */
class LinkPoolTest {

    private final LinkHarness harness = new LinkHarness();

    @Test
    void privateLinksOfOneOffAppsLeaveNoWarmShelfBehindOnceTheyRetire() {
        for (int i = 0; i < 20; i++) {
            RealtimeConnection once = connect("fal-ai/used-once-" + i, null);
            once.send(Map.of("prompt", "a lighthouse", "seed", i));
            harness.upstream.latest().answer(i);
            once.close(); // clean: its socket waits warm for the next caller of the same settings
        }
        assertEquals(20, harness.pool.settingsHeld());

        harness.clock.advance(harness.limits.warmTimeout());
        assertEquals(0, harness.openSockets.get());
        assertEquals(0, harness.pool.settingsHeld());
    }

    @Test
    void sharedLinksOfOneOffConnectionKeysLeaveNothingBehindOnceIdle() {
        for (int i = 0; i < 20; i++) {
            connect(LinkHarness.APP.id(), "made-up-" + i).close();
        }
        assertEquals(20, harness.pool.settingsHeld());

        harness.clock.advance(harness.limits.idleTimeout());
        assertEquals(0, harness.pool.settingsHeld());
    }

    private RealtimeConnection connect(String app, String connectionKey) {
        return harness.pool.take(new LinkSettings(AppId.parse(app), null, 2, connectionKey), Duration.ZERO)
                .attach(new RecordingListener(), Duration.ZERO);
    }
}
