package io.realtimegateway.protocol;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real-time wire format: inputs go out as binary msgpack frames; text frames coming back are JSON,
 * binary frames are msgpack. Decoded frames are classified into {@link UpstreamMessage}s.
 */
public final class FrameCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FrameCodec() {
    }

    public static byte[] encodeInput(Map<String, ?> input) {
        return Msgpack.encode(input);
    }

    public static UpstreamMessage decodeBinary(byte[] frame) {
        try {
            return classify(Msgpack.decode(frame));
        } catch (IllegalArgumentException e) {
            return new UpstreamMessage.Malformed("binary frame of " + frame.length + " bytes is " + e.getMessage());
        }
    }

    public static UpstreamMessage decodeText(String frame) {
        try {
            return classify(JSON.readValue(frame, Object.class));
        } catch (JsonProcessingException e) {
            return new UpstreamMessage.Malformed("text frame of " + frame.length() + " characters is not valid JSON");
        }
    }

    /** The classification rules of this package's documentation ("Frames"), in their order. */
    @SuppressWarnings("unchecked")
    public static UpstreamMessage classify(Object decoded) {
        if (!(decoded instanceof Map<?, ?> map)) {
            return new UpstreamMessage.Malformed("expected an object, got " + (decoded == null ? "null" : decoded.getClass().getSimpleName()));
        }
        if ("error".equals(map.get("status")) && "Unauthorized".equals(map.get("error"))) {
            return new UpstreamMessage.Unauthorized();
        }
        Object type = map.get("type");
        if ("x-fal-error".equals(type)) {
            String error = text(map.get("error"));
            return new UpstreamMessage.FalError(error == null ? "UNKNOWN_ERROR" : error, text(map.get("reason")));
        }
        if ("x-fal-message".equals(type)) {
            return new UpstreamMessage.Info(text(map.get("action")));
        }
        return new UpstreamMessage.Result((Map<String, Object>) map);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
