package io.realtimegateway.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/** Invocations over HTTP against the gateway process, as many at once as asked, each timed. */
final class HttpLoad implements AutoCloseable {

    /** One answered invocation. */
    record Call(int status, JsonObject body, long nanos) {
    }

    private final HttpClient http;
    private final int port;

    HttpLoad(Vertx vertx, int port, int concurrency) {
        this.port = port;
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(concurrency));
    }

    CompletionStage<Call> post(String path, String json) {
        long start = System.nanoTime();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI(path)
                .putHeader("Content-Type", "application/json");
        CompletableFuture<Call> call = new CompletableFuture<>();
        // The body is read inside the send callback, or Vert.x may drop its first chunks (see TokenEndpoint).
        http.request(request).compose(req -> req.send(json).compose(response -> response.body()
                .map(body -> new Call(response.statusCode(), body.toJsonObject(), System.nanoTime() - start))))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        call.complete(done.result());
                    } else {
                        call.completeExceptionally(done.cause());
                    }
                });
        return call;
    }

    @Override
    public void close() {
        http.close();
    }
}
