package io.realtimegateway.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.realtimegateway.protocol.FrameCodec;
import io.realtimegateway.protocol.ResultCorrelation;
import io.realtimegateway.telemetry.TraceParent;

/** An input's owner for unit tests of the window: writes down what its listener hears and where its inputs went out. */
final class RecordingOwner implements PendingInput.Owner {

    final RecordingListener listener = new RecordingListener();
    final List<Integer> socketsSentOn = new ArrayList<>();

    @Override
    public void notify(Consumer<RealtimeListener> callback) {
        callback.accept(listener);
    }

    @Override
    public void sentOn(int socketNumber, Duration throttle) {
        socketsSentOn.add(socketNumber);
    }

    @Override
    public TraceParent trace() {
        return TraceParent.NONE;
    }

    /** An input of this owner carrying this seed. */
    PendingInput input(int seed) {
        Map<String, Object> input = Map.of("prompt", "p" + seed, "seed", seed);
        return new PendingInput(this, ResultCorrelation.Echo.of(input), FrameCodec.encodeInput(input));
    }
}
