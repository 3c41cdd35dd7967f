package io.realtimegateway.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.realtimegateway.protocol.RealtimeException;

/** Writes down every callback, in order, for the tests to read. */
final class RecordingListener implements RealtimeListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> results = new CopyOnWriteArrayList<>();
    final List<RealtimeException> errors = new CopyOnWriteArrayList<>();

    @Override
    public void onResult(Map<String, Object> result) {
        results.add(result);
        events.add("result");
    }

    @Override
    public void onError(RealtimeException error) {
        errors.add(error);
        events.add("error");
    }

    @Override
    public void onOpen() {
        events.add("open");
    }

    @Override
    public void onClose(int code, String reason) {
        events.add("close:" + code);
    }

    List<Object> seeds() {
        return results.stream().map(result -> result.get("seed")).toList();
    }
}
