package io.realtimegateway.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Scenario 7: what {@code /api/fal/proxy} adds to a real-time token request. The same request, one at a time, straight
 * to the upstream's token endpoint and through the gateway's proxy (which checks, scopes and rate limits it), in
 * alternating rounds over kept-alive connections; the ratio is the median of the rounds' p50 ratios.
 */
final class ProxyTokenCalls {

    private static final String BODY = "{\"allowed_apps\":[\"sdxl-turbo-realtime\"],\"token_expiration\":120}";

    private ProxyTokenCalls() {
    }

    static Scenario measure(Vertx vertx, String upstreamUrl, int gatewayPort, int warmUp, int rounds, int callsPerRound) throws Exception {
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
        try {
            RequestOptions direct = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(upstreamUrl + "/tokens/")
                    .putHeader("Authorization", "Key " + BenchProcesses.KEY).putHeader("Content-Type", "application/json");
            RequestOptions proxied = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI("http://127.0.0.1:" + gatewayPort + "/api/fal/proxy")
                    .putHeader("x-fal-target-url", "https://rest.fal.ai/tokens/").putHeader("Content-Type", "application/json");
            for (int i = 0; i < warmUp; i++) {
                call(http, direct);
                call(http, proxied);
            }
            List<long[]> directRounds = new ArrayList<>();
            List<long[]> proxiedRounds = new ArrayList<>();
            long directWall = 0;
            long proxiedWall = 0;
            for (int round = 0; round < rounds; round++) {
                // The side that goes first alternates, so neither always meets the machine in the same state.
                boolean directFirst = round % 2 == 0;
                for (int turn = 0; turn < 2; turn++) {
                    boolean isDirect = (turn == 0) == directFirst;
                    long start = System.nanoTime();
                    long[] durations = new long[callsPerRound];
                    for (int i = 0; i < callsPerRound; i++) {
                        durations[i] = call(http, isDirect ? direct : proxied);
                    }
                    long wall = System.nanoTime() - start;
                    if (isDirect) {
                        directRounds.add(durations);
                        directWall += wall;
                    } else {
                        proxiedRounds.add(durations);
                        proxiedWall += wall;
                    }
                }
            }
            double[] ratios = new double[rounds];
            double[] extra = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                double directP50 = median(directRounds.get(round));
                double proxiedP50 = median(proxiedRounds.get(round));
                ratios[round] = proxiedP50 / directP50;
                extra[round] = (proxiedP50 - directP50) / 1e6;
            }
            Arrays.sort(ratios);
            Arrays.sort(extra);
            Figures baseline = Figures.of(flatten(directRounds), directWall, 1, "calls/s", 0);
            Figures ours = Figures.of(flatten(proxiedRounds), proxiedWall, 1, "calls/s", 0);
            double ratio = ratios[rounds / 2];
            double added = extra[rounds / 2];
            return new Scenario("7", "a real-time token request, one at a time", "straight to the upstream's /tokens/", baseline,
                    "through /api/fal/proxy", ours, ratio, "p50 <= direct + 1 ms", added <= 1.0,
                    String.format(Locale.ROOT, "ratio: median of %d alternating rounds of %d calls; the proxy adds %.3f ms per call (p50, median of rounds)",
                            rounds, callsPerRound, added));
        } finally {
            http.close();
        }
    }

    /** One token request, answered 201; its round trip in nanoseconds. */
    private static long call(HttpClient http, RequestOptions options) throws Exception {
        long start = System.nanoTime();
        int status = http.request(options).compose(request -> request.send(BODY).compose(response -> response.body().map(body -> response.statusCode())))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        if (status != 201) {
            throw new IllegalStateException("a token request answered " + status);
        }
        return System.nanoTime() - start;
    }

    private static double median(long[] durations) {
        long[] sorted = durations.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] flatten(List<long[]> rounds) {
        return rounds.stream().flatMapToLong(Arrays::stream).toArray();
    }
}
