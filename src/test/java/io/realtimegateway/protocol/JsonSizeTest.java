package io.realtimegateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class JsonSizeTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anOutputCountsWhatItsJsonTextTakes() throws Exception {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("images", List.of(Map.of("url", "data:image/png;base64,iVBORw0KGgo=", "width", 64, "height", 64,
                "content_type", "image/png")));
        output.put("seed", 7);
        output.put("timings", Map.of("inference", 0.078));
        output.put("has_nsfw_concepts", List.of(false));
        output.put("prompt", "a lighthouse");
        output.put("request_id", null);
        output.put("empty", List.of());

        assertEquals(json.writeValueAsString(output).length(), JsonSize.of(output));
    }

    @Test
    void bytesCountAsTheirBase64Text() throws Exception {
        for (int length = 0; length < 8; length++) {
            byte[] bytes = new byte[length];
            Arrays.fill(bytes, (byte) 7);
            assertEquals(json.writeValueAsString(bytes).length(), JsonSize.of(bytes), length + " bytes");
        }
    }
}
