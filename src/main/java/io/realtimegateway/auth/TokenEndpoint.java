package io.realtimegateway.auth;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.realtimegateway.config.ClientConfig;
import io.realtimegateway.config.UpstreamConfig;
import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.NetworkFailure;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.RetryAfter;
import io.realtimegateway.protocol.TokenResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** Asks the upstream's token endpoint for a short-lived real-time token, with the server key. */
@ApplicationScoped
public class TokenEndpoint {

    /** A token and how long the upstream was asked to keep it valid. */
    public record IssuedToken(String token, Duration lifetime) {
        @Override
        public String toString() {
            return "IssuedToken[lifetime=" + lifetime + "]";
        }
    }

    private final UpstreamTarget target;
    private final UpstreamConfig upstreamConfig;
    private final ClientConfig clientConfig;
    private final HttpClient http;

    TokenEndpoint(UpstreamTarget target, UpstreamConfig upstreamConfig, ClientConfig clientConfig, Vertx vertx) {
        this.target = target;
        this.upstreamConfig = upstreamConfig;
        this.clientConfig = clientConfig;
        this.http = vertx.createHttpClient();
    }

    public Uni<IssuedToken> fetch(AppId app) {
        return Uni.createFrom().deferred(() -> {
            Credentials credentials = target.credentials();
            Duration lifetime = upstreamConfig.tokenExpiration();
            long timeoutMillis = clientConfig.connectTimeout().toMillis();
            RequestOptions request = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setAbsoluteURI(target.tokenUrl().toString())
                    // The request timeout does not cover the TCP connect, which Vert.x otherwise gives 60 s.
                    .setConnectTimeout(timeoutMillis)
                    .setTimeout(timeoutMillis)
                    .putHeader("Authorization", credentials.authorizationHeader())
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Accept", "application/json");
            String body = TokenResponse.requestBody(app, lifetime.toSeconds());
            // The body is read inside the send callback: a response's chunks that arrive before a body handler are
            // dropped by Vert.x, and a further compose hop lets that happen when called off the event loop.
            var response = http.request(request)
                    .compose(req -> req.send(body).compose(resp -> resp.body().map(payload -> interpret(resp, payload, credentials))));
            return Uni.createFrom().completionStage(response.toCompletionStage())
                    .map(token -> new IssuedToken(token, lifetime))
                    // Concurrent callers share one fetch: it must end, whatever the connection does.
                    .ifNoItem().after(clientConfig.connectTimeout().multipliedBy(2)).failWith(() -> new RealtimeException(
                            ErrorCode.CONNECTION_LOST, "the token endpoint did not answer within " + clientConfig.connectTimeout().multipliedBy(2).toMillis() + " ms"))
                    .onFailure(failure -> !(failure instanceof RealtimeException))
                    .transform(failure -> new RealtimeException(ErrorCode.CONNECTION_LOST,
                            "the token endpoint could not be reached: " + NetworkFailure.describe(failure), failure));
        });
    }

    private static String interpret(HttpClientResponse response, Buffer payload, Credentials credentials) {
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return TokenResponse.parse(payload.toString());
        }
        if (status == 401 || status == 403) {
            throw new RealtimeException(ErrorCode.UNAUTHORIZED,
                    "the upstream refused " + credentials.source() + " (token endpoint answered HTTP " + status + ")");
        }
        if (status == 429) {
            throw new RealtimeException(ErrorCode.RATE_LIMITED, "the token endpoint is rate limiting (HTTP 429)",
                    RetryAfter.parse(response.getHeader("Retry-After")), null);
        }
        if (status >= 500) {
            throw new RealtimeException(ErrorCode.CONNECTION_LOST, "the token endpoint failed with HTTP " + status);
        }
        throw new RealtimeException(ErrorCode.UPSTREAM_ERROR, "the token endpoint answered HTTP " + status);
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
