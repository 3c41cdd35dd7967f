package io.realtimegateway.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * msgpack to and from plain Java values: maps, lists, strings, numbers, booleans, null and byte arrays,
 * as fal's clients and server exchange them (strings as str, bytes as bin).
 */
public final class Msgpack {

    /** Deeper nesting than this is refused rather than risking the stack on hostile frames. */
    static final int MAX_DEPTH = 64;

    private Msgpack() {
    }

    public static byte[] encode(Object value) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            pack(packer, value, 0);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes one msgpack value; throws {@link IllegalArgumentException} when the bytes are not one. */
    public static Object decode(byte[] bytes) {
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
            Object value = unpack(unpacker, bytes.length, 0);
            if (unpacker.hasNext()) {
                throw new IllegalArgumentException("trailing bytes after the msgpack value");
            }
            return value;
        } catch (IOException | MessagePackException e) {
            throw new IllegalArgumentException("not valid msgpack: " + e.getMessage(), e);
        }
    }

    private static void pack(MessageBufferPacker packer, Object value, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null) {
            packer.packNil();
        } else if (value instanceof String s) {
            packer.packString(s);
        } else if (value instanceof Boolean b) {
            packer.packBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            packer.packLong(((Number) value).longValue());
        } else if (value instanceof BigInteger i) {
            packer.packBigInteger(i);
        } else if (value instanceof Float f) {
            packer.packFloat(f);
        } else if (value instanceof Number n) {
            packer.packDouble(n.doubleValue());
        } else if (value instanceof byte[] bytes) {
            packer.packBinaryHeader(bytes.length).writePayload(bytes);
        } else if (value instanceof Map<?, ?> map) {
            packer.packMapHeader(map.size());
            for (var entry : map.entrySet()) {
                packer.packString(String.valueOf(entry.getKey()));
                pack(packer, entry.getValue(), depth + 1);
            }
        } else if (value instanceof Collection<?> items) {
            packer.packArrayHeader(items.size());
            for (Object item : items) {
                pack(packer, item, depth + 1);
            }
        } else {
            throw new IllegalArgumentException("cannot encode a " + value.getClass().getSimpleName() + " as msgpack");
        }
    }

    private static Object unpack(MessageUnpacker unpacker, int frameLength, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels");
        }
        ValueType type = unpacker.getNextFormat().getValueType();
        return switch (type) {
            case NIL -> {
                unpacker.unpackNil();
                yield null;
            }
            case BOOLEAN -> unpacker.unpackBoolean();
            case INTEGER -> unpackInteger(unpacker);
            case FLOAT -> unpacker.unpackDouble();
            case STRING -> new String(payload(unpacker, unpacker.unpackRawStringHeader(), frameLength), StandardCharsets.UTF_8);
            case BINARY -> payload(unpacker, unpacker.unpackBinaryHeader(), frameLength);
            case EXTENSION -> payload(unpacker, unpacker.unpackExtensionTypeHeader().getLength(), frameLength);
            case ARRAY -> {
                int size = checkedSize(unpacker, unpacker.unpackArrayHeader(), frameLength);
                List<Object> items = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    items.add(unpack(unpacker, frameLength, depth + 1));
                }
                yield items;
            }
            case MAP -> {
                int size = checkedSize(unpacker, unpacker.unpackMapHeader(), frameLength);
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    String key = String.valueOf(unpack(unpacker, frameLength, depth + 1));
                    map.put(key, unpack(unpacker, frameLength, depth + 1));
                }
                yield map;
            }
        };
    }

    private static Object unpackInteger(MessageUnpacker unpacker) throws IOException {
        if (unpacker.getNextFormat() != MessageFormat.UINT64) {
            return unpacker.unpackLong();
        }
        BigInteger value = unpacker.unpackBigInteger();
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /** Declared lengths are checked against what the frame can hold before anything is allocated. */
    private static byte[] payload(MessageUnpacker unpacker, int length, int frameLength) throws IOException {
        return unpacker.readPayload(checkedSize(unpacker, length, frameLength));
    }

    private static int checkedSize(MessageUnpacker unpacker, int size, int frameLength) {
        if (size < 0 || size > frameLength - unpacker.getTotalReadBytes()) {
            throw new IllegalArgumentException("declared length " + size + " exceeds the frame");
        }
        return size;
    }
}
