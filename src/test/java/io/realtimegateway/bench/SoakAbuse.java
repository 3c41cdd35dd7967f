package io.realtimegateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.RawHttp;

/**
 * The abuse of the soak, all at once, at fixed rates: callers that hang up right after sending an invocation that would
 * keep the upstream busy for minutes, callers asking for made-up apps (a new id each time), and callers that ask for
 * large answers and never read them. It runs until closed; closing also hangs up the callers that never read.
 */
final class SoakAbuse implements AutoCloseable {

    /** Per second, of each kind that is sent at a rate. */
    static final int RATE = 20;
    static final int NON_READERS_AT_ONCE = 3;
    static final int NON_READER_EVERY_SECONDS = 10;

    private final int port;
    private final URI gateway;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    // HTTP/1.1: Java's client would otherwise ask for an h2c upgrade, which Quarkus REST answers with a 500 (reported separately).
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String abandonedBody;
    private final String unreadBody;
    private final AtomicInteger junkIds = new AtomicInteger();
    private final LongAdder abandoned = new LongAdder();
    private final Map<Integer, LongAdder> junkAnswers = new ConcurrentHashMap<>();
    private final List<RawHttp> nonReaders = new CopyOnWriteArrayList<>();

    private SoakAbuse(int port) throws Exception {
        this.port = port;
        this.gateway = URI.create("http://127.0.0.1:" + port);
        ObjectMapper json = new ObjectMapper();
        // Eight inputs the upstream would work on for a minute each, with a five-minute deadline: what a hang-up must stop.
        this.abandonedBody = json.writeValueAsString(Map.of("inputs", java.util.Collections.nCopies(8, Map.of("prompt", "abandoned",
                "image_size", Map.of("width", 64, "height", 64), "num_inference_steps", 1, "x_simulated_latency_ms", 60_000)),
                "timeoutMs", 300_000));
        // About 9 MB of video frames: more than the sockets' buffers take, so an unread answer waits in the gateway.
        this.unreadBody = json.writeValueAsString(Map.of("inputs", java.util.Collections.nCopies(8,
                Map.of("prompt", "waves at dusk", "seed", 5, "num_frames", 121)), "throttleIntervalMs", 32));
    }

    static SoakAbuse start(int port) throws Exception {
        SoakAbuse abuse = new SoakAbuse(port);
        long periodMicros = 1_000_000 / RATE;
        abuse.scheduler.scheduleAtFixedRate(abuse::abandonOne, 0, periodMicros, TimeUnit.MICROSECONDS);
        abuse.scheduler.scheduleAtFixedRate(abuse::askForJunk, periodMicros / 2, periodMicros, TimeUnit.MICROSECONDS);
        for (int i = 0; i < NON_READERS_AT_ONCE; i++) {
            abuse.neverRead();
        }
        abuse.scheduler.scheduleAtFixedRate(abuse::neverRead, NON_READER_EVERY_SECONDS, NON_READER_EVERY_SECONDS, TimeUnit.SECONDS);
        return abuse;
    }

    private void abandonOne() {
        RawHttp.connect(gateway, Duration.ofSeconds(60)).send(RawHttp.post("/v1/realtime/fal-ai/sdxl-turbo-realtime", abandonedBody)).close();
        abandoned.increment();
    }

    private void askForJunk() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/realtime/fal-ai/nope-" + junkIds.incrementAndGet()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":[{\"prompt\":\"x\"}]}")).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> junkAnswers.computeIfAbsent(failure == null ? response.statusCode() : -1, status -> new LongAdder())
                        .increment());
    }

    private void neverRead() {
        nonReaders.add(RawHttp.connect(gateway, Duration.ofSeconds(60), 4096).send(RawHttp.post("/v1/realtime/fal-ai/ltx-video-realtime", unreadBody)));
    }

    /** What was sent, in words. */
    String describe() {
        return abandoned.sum() + " abandoned invocations, " + junkIds.get() + " made-up app ids (answers by status: " + junkAnswers + "), "
                + nonReaders.size() + " callers that never read a ~9 MB answer";
    }

    @Override
    public void close() throws Exception {
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        nonReaders.forEach(RawHttp::close);
    }
}
