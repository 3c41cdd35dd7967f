package io.realtimegateway.simulator;

import java.util.function.IntFunction;

/**
 * Paints the simulator's stand-in for a generated image: a checkered pattern whose palette, cell sizes and
 * offset follow from prompt, seed and frame. Same inputs give the same pixels; another seed looks
 * visibly different. Rows repeat within a band, which keeps encoding cheap.
 */
final class ImagePainter {

    private static final int COLOURS = 4;

    private ImagePainter() {
    }

    static byte[] png(String prompt, long seed, int frame, int width, int height) {
        long hash = mix(prompt.hashCode() * 0x9E3779B97F4A7C15L ^ seed);
        byte[][] palette = new byte[COLOURS][3];
        for (int c = 0; c < COLOURS; c++) {
            hash = mix(hash + c);
            palette[c] = new byte[] { (byte) hash, (byte) (hash >>> 8), (byte) (hash >>> 16) };
        }
        int cellWidth = 16 + (int) Math.floorMod(hash >>> 24, 48L);
        int cellHeight = 16 + (int) Math.floorMod(hash >>> 32, 48L);
        int shift = frame * (4 + (int) Math.floorMod(hash >>> 40, 12L));
        return PngEncoder.encode(width, height, rowsOf(palette, width, cellWidth, cellHeight, shift));
    }

    /** Rows are built once per band of cells and then reused. */
    private static IntFunction<byte[]> rowsOf(byte[][] palette, int width, int cellWidth, int cellHeight, int shift) {
        return new IntFunction<>() {
            private int band = -1;
            private byte[] row;

            @Override
            public byte[] apply(int y) {
                int rowBand = y / cellHeight;
                if (rowBand != band) {
                    band = rowBand;
                    row = new byte[3 * width];
                    for (int x = 0; x < width; x++) {
                        byte[] colour = palette[Math.floorMod((x + shift) / cellWidth + band, COLOURS)];
                        System.arraycopy(colour, 0, row, 3 * x, 3);
                    }
                }
                return row;
            }
        };
    }

    /** SplitMix64's finaliser: spreads bits so neighbouring seeds give unrelated palettes. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
