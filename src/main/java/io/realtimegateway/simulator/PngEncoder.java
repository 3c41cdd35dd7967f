package io.realtimegateway.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG writer (8-bit RGB) on {@code java.util.zip}: no AWT, so it works in a native image.
 * A row equal to the one above is written with the "Up" filter, i.e. as zeros, which deflate to almost
 * nothing; the painter's banded images are mostly such rows.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    private static final byte FILTER_NONE = 0;
    private static final byte FILTER_UP = 2;

    private PngEncoder() {
    }

    /** @param rows the RGB bytes of row {@code y} ({@code 3 * width} of them) */
    static byte[] encode(int width, int height, IntFunction<byte[]> rows) {
        ByteArrayOutputStream png = new ByteArrayOutputStream(1024);
        png.writeBytes(SIGNATURE);
        writeChunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8) // bit depth
                .put((byte) 2) // colour type: RGB
                .put((byte) 0).put((byte) 0).put((byte) 0) // deflate, adaptive filtering, no interlace
                .array());
        writeChunk(png, "IDAT", compressedRows(width, height, rows));
        writeChunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] compressedRows(int width, int height, IntFunction<byte[]> rows) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(1024);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        byte[] zeros = new byte[3 * width];
        try (DeflaterOutputStream out = new DeflaterOutputStream(data, deflater, 8192)) {
            byte[] previous = null;
            for (int y = 0; y < height; y++) {
                byte[] row = rows.apply(y);
                boolean repeat = previous != null && Arrays.equals(row, previous);
                out.write(repeat ? FILTER_UP : FILTER_NONE);
                out.write(repeat ? zeros : row);
                previous = row;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return data.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream png, String type, byte[] payload) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(payload);
        png.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(payload);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
