package io.realtimegateway.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.config.HttpEdgeConfig;
import io.realtimegateway.config.InvocationConfig;
import io.realtimegateway.resilience.ResilienceParts;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The body deadline lets go of a request once it is answered: its timer must not keep the request, and with it the
 * body, the inputs and the results, for the rest of {@code gateway.http.body-timeout} (an hour here). Every request
 * of that window stayed on the heap otherwise, which under load filled it.
 */
class ClientDeadlinesTest {

    private final Vertx vertx = Vertx.vertx();
    private final List<WeakReference<RoutingContext>> answered = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        HttpEdgeConfig edge = ResilienceParts.defaults(HttpEdgeConfig.class, "gateway.http.body-timeout", "1h");
        InvocationConfig invocation = ResilienceParts.defaults(InvocationConfig.class);
        ClientDeadlines deadlines = new ClientDeadlines(vertx, new ErrorRenderer(new ObjectMapper()), edge, invocation, Duration.ofSeconds(330));
        Router router = Router.router(vertx);
        router.route().handler(deadlines);
        router.route().handler(BodyHandler.create(false));
        router.route().handler(context -> {
            answered.add(new WeakReference<>(context));
            context.response().end(context.body().asString());
        });
        server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anAnsweredRequestIsNotKeptByItsBodyDeadline() throws Exception {
        // No keep-alive, so that nothing of a request stays with its connection either.
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
        for (int i = 0; i < 3; i++) {
            String body = "{\"inputs\":[" + i + "]}";
            Buffer answer = http.request(HttpMethod.POST, server.actualPort(), "127.0.0.1", "/v1/realtime/fal-ai/app")
                    .compose(request -> request.send(body)).compose(response -> response.body())
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(body, answer.toString());
        }
        assertEquals(3, answered.size());
        await("every answered request collectable").atMost(Duration.ofSeconds(30)).until(() -> {
            System.gc();
            return answered.stream().allMatch(request -> request.get() == null);
        });
    }
}
