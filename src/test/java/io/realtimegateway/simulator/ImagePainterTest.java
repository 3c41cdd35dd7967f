package io.realtimegateway.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.realtimegateway.Fixtures;
import io.realtimegateway.protocol.OutputImages;

class ImagePainterTest {

    @Test
    void thePngDecodesToTheRequestedSize() {
        BufferedImage image = decode(ImagePainter.png("a fox", 7, 0, 1024, 576));
        assertEquals(1024, image.getWidth());
        assertEquals(576, image.getHeight());
    }

    @Test
    void oddSizesDecodeToo() {
        BufferedImage image = decode(ImagePainter.png("a fox", 7, 0, 65, 2048));
        assertEquals(65, image.getWidth());
        assertEquals(2048, image.getHeight());
    }

    @Test
    void samePromptSeedAndSizeGiveTheSameBytes() {
        assertArrayEquals(ImagePainter.png("a fox", 7, 0, 256, 256), ImagePainter.png("a fox", 7, 0, 256, 256));
    }

    @Test
    void anotherSeedGivesVisiblyDifferentPixels() {
        assertFalse(Arrays.equals(pixels(ImagePainter.png("a fox", 7, 0, 256, 256)), pixels(ImagePainter.png("a fox", 8, 0, 256, 256))));
    }

    @Test
    void videoFramesMove() {
        assertFalse(Arrays.equals(pixels(ImagePainter.png("a fox", 7, 0, 256, 256)), pixels(ImagePainter.png("a fox", 7, 1, 256, 256))));
    }

    private static BufferedImage decode(byte[] png) {
        return Fixtures.decodePng(OutputImages.dataUri("image/png", png));
    }

    private static int[] pixels(byte[] png) {
        BufferedImage image = decode(png);
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
