package io.realtimegateway.lifecycle;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.invocation.InvocationRequest;
import io.realtimegateway.invocation.InvocationRequestParser;
import io.realtimegateway.invocation.InvocationResponse;
import io.realtimegateway.invocation.ItemResult;
import io.realtimegateway.invocation.Summary;
import io.realtimegateway.protocol.FrameCodec;
import io.realtimegateway.protocol.Msgpack;
import io.realtimegateway.protocol.OutputImages;
import io.realtimegateway.protocol.RealtimeApps;
import io.realtimegateway.protocol.UpstreamMessage;

/**
 * Runs an invocation's own work once without the network, before a SnapStart snapshot: parse and check a request,
 * validate and msgpack-encode its input, decode a result frame, inline its image, write the response as JSON. The
 * snapshot then holds those classes loaded, initialised and warmed, beside the classes Quarkus preloads itself, so
 * the first invocation after a restore does not pay for them. Nothing is sent and no socket or token is made: a
 * snapshot must hold neither (and on AWS the upstream is fal, whose models cost money per input).
 */
@ApplicationScoped
public class RequestPathPrimer {

    private final InvocationRequestParser parser;
    private final ObjectMapper json;

    RequestPathPrimer(InvocationRequestParser parser, ObjectMapper json) {
        this.parser = parser;
        this.json = json;
    }

    /** @return the primed response's JSON, for tests to see that the whole path ran */
    String prime() {
        Map<String, Object> input = Map.of("prompt", "priming", "image_size", Map.of("width", 64, "height", 64), "num_inference_steps", 1,
                "seed", 1);
        InvocationRequest request = parser.parseFunctionCall(Map.of("app", "fal-ai/flux-lora-realtime", "inputs", List.of(input)));
        RealtimeApps.find(request.app()).ifPresent(app -> app.validate(input));
        FrameCodec.encodeInput(input);
        byte[] resultFrame = Msgpack.encode(Map.of("images", List.of(Map.of("content", new byte[] { (byte) 0x89, 'P', 'N', 'G' },
                "content_type", "image/png", "width", 64, "height", 64)), "seed", 1));
        if (!(FrameCodec.decodeBinary(resultFrame) instanceof UpstreamMessage.Result result)) {
            throw new IllegalStateException("the primed result frame did not decode as a result");
        }
        InvocationResponse response = new InvocationResponse(request.app().toString(), null,
                List.of(ItemResult.ok(0, OutputImages.inlineContent(result.output()), 1, 1.0)), new Summary(1, 0, 0, 64, 1));
        try {
            return json.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the primed response could not be written", e);
        }
    }
}
