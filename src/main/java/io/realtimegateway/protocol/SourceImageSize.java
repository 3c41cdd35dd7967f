package io.realtimegateway.protocol;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The pixel size of an image-to-image input's source image, read from its PNG or JPEG header when the image is
 * given inline (a {@code data:} URI, base64 text or raw bytes); nothing is fetched. Image-to-image apps answer in the size of their source.
 */
public final class SourceImageSize {

    /** Enough base64 for a JPEG's frame header behind a large EXIF block; a multiple of 4 characters. */
    private static final int HEADER_BASE64_CHARS = 4 * 24 * 1024;
    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

    private SourceImageSize() {
    }

    /** The size of the image a field value carries inline: raw bytes, base64 text, or a base64 {@code data:} URI. */
    public static Optional<ImageSize> of(Object value) {
        if (value instanceof byte[] bytes) {
            return ofEncoded(bytes);
        }
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        String base64 = text;
        if (text.startsWith("data:")) {
            int start = text.indexOf(";base64,");
            if (start < 0) {
                return Optional.empty();
            }
            base64 = text.substring(start + ";base64,".length());
        }
        String head = base64.substring(0, Math.min(base64.length(), HEADER_BASE64_CHARS));
        try {
            return ofEncoded(Base64.getDecoder().decode(head.substring(0, head.length() - head.length() % 4)));
        } catch (IllegalArgumentException notBase64) {
            // An http(s) URL, or text that is no image: the size is not ours to know.
            return Optional.empty();
        }
    }

    /** The size in a PNG's IHDR chunk or a JPEG's start-of-frame segment. */
    static Optional<ImageSize> ofEncoded(byte[] image) {
        if (image.length >= 24 && Arrays.equals(image, 0, 8, PNG_SIGNATURE, 0, 8)) {
            return Optional.of(new ImageSize(int32(image, 16), int32(image, 20)));
        }
        if (image.length >= 4 && (image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8) {
            return jpegFrameSize(image);
        }
        return Optional.empty();
    }

    private static Optional<ImageSize> jpegFrameSize(byte[] image) {
        int at = 2;
        while (at + 9 < image.length && (image[at] & 0xFF) == 0xFF) {
            int marker = image[at + 1] & 0xFF;
            int length = uint16(image, at + 2);
            // Start-of-frame markers C0..CF, except DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return Optional.of(new ImageSize(uint16(image, at + 7), uint16(image, at + 5)));
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    private static int int32(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
    }

    private static int uint16(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }
}
