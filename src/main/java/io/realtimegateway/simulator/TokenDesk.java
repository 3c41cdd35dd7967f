package io.realtimegateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerRequest;

/**
 * The simulator's {@code POST /tokens/}: checks {@code Authorization: Key ...} and answers a token as a bare
 * JSON string (201), like fal's token endpoint.
 */
final class TokenDesk {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_LIFETIME_SECONDS = 86_400;

    private final SimulatorTokens tokens;
    /** The accepted Authorization header; replaced when the simulator takes a new key after a restore. */
    private volatile byte[] key;
    private final Simulator.Services services;

    TokenDesk(SimulatorTokens tokens, String key, Simulator.Services services) {
        this.tokens = tokens;
        this.services = services;
        rekey(key);
    }

    void rekey(String key) {
        this.key = ("Key " + key).getBytes(StandardCharsets.UTF_8);
    }

    /** Answers after the configured token delay, if any. */
    void handle(HttpServerRequest request) {
        long delay = services.settings().get().tokenDelay().toMillis();
        if (delay > 0) {
            services.stats().tokenDelayed();
            request.pause();
            services.vertx().setTimer(delay, id -> {
                request.resume();
                answerToken(request);
            });
        } else {
            answerToken(request);
        }
    }

    private void answerToken(HttpServerRequest request) {
        int failure = services.settings().get().tokenFailureStatus();
        if (failure != 0) {
            answer(request, failure, Map.of("detail", "refused by the simulator's fault settings"));
            return;
        }
        if (!"POST".equals(request.method().name())) {
            answer(request, 405, Map.of("detail", "Method Not Allowed"));
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !MessageDigest.isEqual(key, authorization.getBytes(StandardCharsets.UTF_8))) {
            answer(request, 401, Map.of("detail", "Invalid authentication credentials"));
            return;
        }
        request.body().onSuccess(body -> {
            try {
                Map<?, ?> ask = JSON.readValue(body.toString(), Map.class);
                if (!(ask.get("allowed_apps") instanceof List<?> apps) || apps.isEmpty() || !apps.stream().allMatch(String.class::isInstance)) {
                    answer(request, 422, Map.of("detail", "allowed_apps must be a non-empty list of app aliases"));
                    return;
                }
                long lifetime = ask.get("token_expiration") instanceof Number n ? n.longValue() : 120;
                if (lifetime < 1 || lifetime > MAX_LIFETIME_SECONDS) {
                    answer(request, 422, Map.of("detail", "token_expiration must be between 1 and " + MAX_LIFETIME_SECONDS));
                    return;
                }
                answer(request, 201, tokens.issue(apps.stream().map(String.class::cast).toList(), lifetime));
            } catch (JsonProcessingException e) {
                answer(request, 400, Map.of("detail", "the body is not valid JSON"));
            }
        });
    }

    private static void answer(HttpServerRequest request, int status, Object body) {
        try {
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            request.response().setStatusCode(500).end();
        }
    }
}
