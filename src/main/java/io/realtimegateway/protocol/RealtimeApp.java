package io.realtimegateway.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A known real-time app and the input its model accepts. Unknown extra fields pass: fal's models ignore them.
 *
 * @param id {@code owner/alias}
 * @param kind what the app produces
 * @param summary one line for people
 * @param fields the known input fields
 * @param oneOfRequired when not empty, an input must carry at least one of these fields
 * @param defaultSize the size of the images (or video frames) when the input names none
 */
public record RealtimeApp(String id, Kind kind, String summary, List<InputField> fields, List<String> oneOfRequired,
        ImageSize defaultSize) {

    public enum Kind {
        TEXT_TO_IMAGE,
        IMAGE_TO_IMAGE,
        VIDEO
    }

    public RealtimeApp {
        fields = List.copyOf(fields);
        oneOfRequired = List.copyOf(oneOfRequired);
    }

    /** Every problem of the input, in field order; empty when the app would accept it. */
    public List<Violation> validate(Map<String, ?> input) {
        List<Violation> violations = new ArrayList<>();
        for (InputField field : fields) {
            Object value = input.get(field.name());
            if (value == null) {
                if (field.required()) {
                    violations.add(new Violation(field.name(), "field required"));
                }
                continue;
            }
            String problem = field.rule().problem(value);
            if (problem != null) {
                violations.add(new Violation(field.name(), problem));
            }
        }
        if (!oneOfRequired.isEmpty() && oneOfRequired.stream().allMatch(name -> input.get(name) == null)) {
            violations.add(new Violation(String.join(" or ", oneOfRequired), "one of these fields is required"));
        }
        return violations;
    }

    /**
     * The size an input asks for; else, for image-to-image, its source image's size (a PNG or JPEG given inline, with
     * sides the app can paint); else the app's default.
     */
    public ImageSize imageSize(Map<String, ?> input) {
        ImageSize asked = ImageSize.parse(input.get("image_size"));
        if (asked != null) {
            return asked;
        }
        if (kind == Kind.IMAGE_TO_IMAGE) {
            Object source = input.get("image_url") != null ? input.get("image_url") : input.get("image_bytes");
            return SourceImageSize.of(source).filter(ImageSize::paintable).orElse(defaultSize);
        }
        return defaultSize;
    }
}
