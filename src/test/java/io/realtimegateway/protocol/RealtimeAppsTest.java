package io.realtimegateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RealtimeAppsTest {

    private static final RealtimeApp FLUX = app("fal-ai/flux-lora-realtime");
    private static final RealtimeApp LCM = app("fal-ai/lcm-sd15-i2i");
    private static final RealtimeApp LTX = app("fal-ai/ltx-video-realtime");

    @Test
    void theCatalogHoldsTheFiveSeedApps() {
        assertEquals(List.of("fal-ai/flux-lora-realtime", "fal-ai/sdxl-turbo-realtime", "fal-ai/lcm-sd15-i2i",
                "fal-ai/ltx-video-realtime", "fal-ai/cogvideox-realtime"), RealtimeApps.ALL.stream().map(RealtimeApp::id).toList());
    }

    @Test
    void aFullValidInputPasses() {
        assertEquals(List.of(), FLUX.validate(Map.of("prompt", "a serene mountain landscape at sunset", "image_size", "landscape_16_9",
                "num_inference_steps", 4, "guidance_scale", 3.5, "seed", 7)));
    }

    @Test
    void unknownExtraFieldsPass() {
        assertEquals(List.of(), FLUX.validate(Map.of("prompt", "x", "loras", List.of(), "whatever", true)));
    }

    @Test
    void aMissingPromptIsNamed() {
        assertEquals(List.of(new Violation("prompt", "field required")), FLUX.validate(Map.of("seed", 1)));
    }

    @Test
    void everyBadFieldIsReportedInFieldOrder() {
        Map<String, Object> input = new HashMap<>(Map.of("prompt", "", "num_inference_steps", 13, "guidance_scale", "high", "seed", 1.5));
        assertEquals(List.of("prompt", "num_inference_steps", "guidance_scale", "seed"),
                FLUX.validate(input).stream().map(Violation::field).toList());
    }

    @Test
    void stepLimitsDifferPerApp() {
        assertEquals(List.of(), LCM.validate(Map.of("prompt", "x", "image_url", "https://example.com/a.png", "num_inference_steps", 16)));
        assertEquals("must be a whole number from 1 to 12", FLUX.validate(Map.of("prompt", "x", "num_inference_steps", 16)).get(0).problem());
    }

    @ParameterizedTest
    @ValueSource(strings = { "square_hd", "square", "portrait_4_3", "portrait_16_9", "landscape_4_3", "landscape_16_9" })
    void everyPresetSizeIsAccepted(String preset) {
        assertEquals(List.of(), FLUX.validate(Map.of("prompt", "x", "image_size", preset)));
    }

    @Test
    void explicitSizesAreBounded() {
        assertEquals(List.of(), FLUX.validate(Map.of("prompt", "x", "image_size", Map.of("width", 64, "height", 2048))));
        assertEquals("image_size", FLUX.validate(Map.of("prompt", "x", "image_size", Map.of("width", 63, "height", 512))).get(0).field());
        assertEquals("image_size", FLUX.validate(Map.of("prompt", "x", "image_size", "huge")).get(0).field());
    }

    @Test
    void imageToImageNeedsAnImage() {
        assertEquals(List.of(new Violation("image_url or image_bytes", "one of these fields is required")), LCM.validate(Map.of("prompt", "x")));
        assertEquals(List.of(), LCM.validate(Map.of("prompt", "x", "image_bytes", new byte[] { 1 })));
        assertEquals(List.of(), LCM.validate(Map.of("prompt", "x", "image_url", "data:image/png;base64,AAAA", "strength", 0.5)));
        assertEquals("image_url", LCM.validate(Map.of("prompt", "x", "image_url", "file:///etc/passwd")).get(0).field());
    }

    @Test
    void videoFramesAreBounded() {
        assertEquals(List.of(), LTX.validate(Map.of("prompt", "x", "num_frames", 121)));
        assertTrue(LTX.validate(Map.of("prompt", "x", "num_frames", 122)).get(0).problem().contains("1 to 121"));
    }

    @Test
    void theImageSizeOfAnInputFallsBackToTheAppDefault() {
        assertEquals(new ImageSize(1024, 576), FLUX.imageSize(Map.of("image_size", "landscape_16_9")));
        assertEquals(new ImageSize(300, 200), FLUX.imageSize(Map.of("image_size", Map.of("width", 300, "height", 200))));
        assertEquals(FLUX.defaultSize(), FLUX.imageSize(Map.of()));
    }

    private static RealtimeApp app(String id) {
        return RealtimeApps.find(AppId.parse(id)).orElseThrow();
    }
}
