package io.realtimegateway.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MsgpackTest {

    @Test
    void plainValuesRoundTrip() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("prompt", "a fox");
        value.put("seed", 7L);
        value.put("big", new BigInteger("18446744073709551615"));
        value.put("scale", 3.5);
        value.put("sync", true);
        value.put("nothing", null);
        value.put("sizes", List.of(1L, "two", List.of()));
        value.put("nested", Map.of("width", 64L));

        assertEquals(value, Msgpack.decode(Msgpack.encode(value)));
    }

    @Test
    void bytesStayBytes() {
        byte[] bytes = { 1, 2, 3, (byte) 0xff };
        Object decoded = ((Map<?, ?>) Msgpack.decode(Msgpack.encode(Map.of("image_bytes", bytes)))).get("image_bytes");
        assertArrayEquals(bytes, (byte[]) decoded);
    }

    @Test
    void javaIntegersDecodeAsLongs() {
        assertEquals(Map.of("seed", 42L), Msgpack.decode(Msgpack.encode(Map.of("seed", 42))));
    }

    @Test
    void garbageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Msgpack.decode(new byte[] { (byte) 0xc1 }));
    }

    @Test
    void aDeclaredLengthBeyondTheFrameIsRefusedBeforeAllocating() {
        // bin32 claiming 2 GiB of payload, followed by nothing
        byte[] frame = { (byte) 0xc6, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff };
        assertThrows(IllegalArgumentException.class, () -> Msgpack.decode(frame));
    }

    @Test
    void anArrayClaimingMoreItemsThanBytesIsRefused() {
        byte[] frame = { (byte) 0xdd, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01 };
        assertThrows(IllegalArgumentException.class, () -> Msgpack.decode(frame));
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] frame = Arrays.copyOf(Msgpack.encode(Map.of()), 2);
        assertThrows(IllegalArgumentException.class, () -> Msgpack.decode(frame));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        Object deep = List.of();
        for (int i = 0; i < Msgpack.MAX_DEPTH + 2; i++) {
            deep = List.of(deep);
        }
        byte[] frame = new byte[Msgpack.MAX_DEPTH + 3];
        Arrays.fill(frame, (byte) 0x91); // fixarray of one, over and over
        frame[frame.length - 1] = (byte) 0x90;
        Object tooDeep = deep;
        assertThrows(IllegalArgumentException.class, () -> Msgpack.encode(tooDeep));
        assertThrows(IllegalArgumentException.class, () -> Msgpack.decode(frame));
    }

    @Test
    void unknownJavaTypesAreRefusedWithTheirName() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Msgpack.encode(Map.of("when", new ArrayList<>(List.of(new Object())))));
        assertEquals("cannot encode a Object as msgpack", failure.getMessage());
    }
}
