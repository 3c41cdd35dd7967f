package io.realtimegateway.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.realtimegateway.protocol.FieldRule.Bytes;
import io.realtimegateway.protocol.FieldRule.Decimal;
import io.realtimegateway.protocol.FieldRule.Flag;
import io.realtimegateway.protocol.FieldRule.ImageReference;
import io.realtimegateway.protocol.FieldRule.ImageSizeChoice;
import io.realtimegateway.protocol.FieldRule.Text;
import io.realtimegateway.protocol.FieldRule.WholeNumber;
import io.realtimegateway.protocol.RealtimeApp.Kind;

/**
 * The five real-time apps the gateway knows, with the input fields fal's public schemas give for them
 * (see this package's documentation). Both the gateway's local validation and the embedded upstream use this catalog.
 */
public final class RealtimeApps {

    // Declared before ALL: static initialisers run in textual order.
    private static final Text PROMPT = new Text(1, 2000);
    private static final WholeNumber SEED = new WholeNumber(Long.MIN_VALUE, Long.MAX_VALUE);

    public static final List<RealtimeApp> ALL = List.of(
            image("fal-ai/flux-lora-realtime", Kind.TEXT_TO_IMAGE, "FLUX text-to-image with LoRA support, for live previews",
                    12, new ImageSize(1024, 768), "enable_safety_checker"),
            image("fal-ai/sdxl-turbo-realtime", Kind.TEXT_TO_IMAGE, "SDXL Turbo text-to-image in one to a few steps",
                    12, new ImageSize(512, 512), "enable_safety_checker"),
            image("fal-ai/lcm-sd15-i2i", Kind.IMAGE_TO_IMAGE, "Latent consistency image-to-image on Stable Diffusion 1.5",
                    16, new ImageSize(512, 512), "enable_safety_checks"),
            video("fal-ai/ltx-video-realtime", "LTX-Video preview: short clips as frames", new ImageSize(768, 512)),
            video("fal-ai/cogvideox-realtime", "CogVideoX preview: short clips as frames", new ImageSize(720, 480)));

    private RealtimeApps() {
    }

    public static Optional<RealtimeApp> find(AppId app) {
        return ALL.stream().filter(known -> known.id().equals(app.id())).findFirst();
    }

    private static RealtimeApp image(String id, Kind kind, String summary, int maxSteps, ImageSize defaultSize, String safetyFlag) {
        List<InputField> fields = new ArrayList<>(List.of(
                new InputField("prompt", true, "what to draw", PROMPT),
                new InputField("negative_prompt", false, "what to avoid", new Text(0, 2000)),
                new InputField("image_size", false, "output size, preset or explicit", new ImageSizeChoice()),
                new InputField("num_inference_steps", false, "denoising steps; more is slower", new WholeNumber(1, maxSteps)),
                new InputField("guidance_scale", false, "how closely to follow the prompt", new Decimal(0, 20)),
                new InputField("seed", false, "same seed, prompt and size give the same image; echoed in the output", SEED),
                new InputField("num_images", false, "images per input", new WholeNumber(1, 4)),
                new InputField("sync_mode", false, "return images inline rather than by CDN URL", new Flag()),
                new InputField(safetyFlag, false, "run the safety checker", new Flag()),
                new InputField("request_id", false, "echoed in the output, to match results to inputs", new Text(1, 256))));
        List<String> oneOf = List.of();
        if (kind == Kind.IMAGE_TO_IMAGE) {
            fields.add(new InputField("image_url", false, "the source image", new ImageReference()));
            fields.add(new InputField("image_bytes", false, "the source image as raw bytes", new Bytes()));
            fields.add(new InputField("strength", false, "how far to move from the source image", new Decimal(0, 1)));
            oneOf = List.of("image_url", "image_bytes");
        }
        return new RealtimeApp(id, kind, summary, fields, oneOf, defaultSize);
    }

    private static RealtimeApp video(String id, String summary, ImageSize frameSize) {
        return new RealtimeApp(id, Kind.VIDEO, summary, List.of(
                new InputField("prompt", true, "what to film", PROMPT),
                new InputField("image_url", false, "an optional first frame", new ImageReference()),
                new InputField("num_frames", false, "frames in the clip", new WholeNumber(1, 121)),
                new InputField("num_inference_steps", false, "denoising steps; more is slower", new WholeNumber(1, 50)),
                new InputField("seed", false, "same seed and prompt give the same clip; echoed in the output", SEED),
                new InputField("request_id", false, "echoed in the output, to match results to inputs", new Text(1, 256))),
                List.of(), frameSize);
    }
}
