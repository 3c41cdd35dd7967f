package io.realtimegateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class SourceImageSizeTest {

    private static final RealtimeApp LCM = RealtimeApps.find(AppId.parse("fal-ai/lcm-sd15-i2i")).orElseThrow();

    @Test
    void readsPngAndJpegHeadersFromBytesBase64AndDataUris() {
        byte[] png = encode("png", 640, 480);
        byte[] jpeg = encode("jpg", 333, 222);
        assertEquals(Optional.of(new ImageSize(640, 480)), SourceImageSize.of(png));
        assertEquals(Optional.of(new ImageSize(640, 480)), SourceImageSize.of(Base64.getEncoder().encodeToString(png)));
        assertEquals(Optional.of(new ImageSize(640, 480)), SourceImageSize.of("data:image/png;base64," + Base64.getEncoder().encodeToString(png)));
        assertEquals(Optional.of(new ImageSize(333, 222)), SourceImageSize.of("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg)));
    }

    @Test
    void knowsNothingOfUrlsTextOrOtherFormats() {
        assertEquals(Optional.empty(), SourceImageSize.of("https://example.com/a.png"));
        assertEquals(Optional.empty(), SourceImageSize.of("data:image/png,not-base64"));
        assertEquals(Optional.empty(), SourceImageSize.of("data:image/png;base64,iVBORw0KGgo="));
        assertEquals(Optional.empty(), SourceImageSize.of(new byte[] { 'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0 }));
        assertEquals(Optional.empty(), SourceImageSize.of(42));
    }

    @Test
    void imageToImageAnswersInItsSourcesSizeUnlessTheInputNamesOne() {
        String source = "data:image/png;base64," + Base64.getEncoder().encodeToString(encode("png", 640, 480));
        assertEquals(new ImageSize(640, 480), LCM.imageSize(Map.of("image_url", source)));
        assertEquals(new ImageSize(128, 96), LCM.imageSize(Map.of("image_url", source, "image_size", Map.of("width", 128, "height", 96))));
        assertEquals(LCM.defaultSize(), LCM.imageSize(Map.of("image_url", "https://example.com/a.png")));
        String tiny = "data:image/png;base64," + Base64.getEncoder().encodeToString(encode("png", 16, 16));
        assertEquals(LCM.defaultSize(), LCM.imageSize(Map.of("image_url", tiny)), "sides the app cannot paint fall back to its default");
    }

    private static byte[] encode(String format, int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
