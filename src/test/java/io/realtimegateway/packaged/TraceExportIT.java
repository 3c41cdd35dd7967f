package io.realtimegateway.packaged;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.realtimegateway.Fixtures;
import io.realtimegateway.PackagedApp;

/**
 * With an OTLP endpoint set (the general key or the traces-only one), the packaged gateway, in its production profile,
 * records its spans and sends them there over OTLP (HTTP/protobuf here; gRPC is the default protocol). The collector
 * is a plain HTTP server that keeps what it is sent.
 */
class TraceExportIT {

    @ParameterizedTest
    @ValueSource(strings = {"quarkus.otel.exporter.otlp.endpoint", "quarkus.otel.exporter.otlp.traces.endpoint"})
    void anInvocationsSpanReachesTheConfiguredCollector(String endpointKey) throws Exception {
        List<String> exports = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Any path: whether the exporter appends /v1/traces to the URL depends on the key.
        collector.createContext("/", exchange -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            exchange.getRequestBody().transferTo(body);
            exports.add(exchange.getRequestHeaders().getFirst("Content-Type") + " " + body.toString(StandardCharsets.ISO_8859_1));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try (PackagedApp gateway = PackagedApp.start(PackagedApp.Build.JAR, Path.of("target", "packaged", "trace-export-gateway.log"), List.of(), Map.of(
                "gateway.simulator.port", "0",
                endpointKey, "http://127.0.0.1:" + collector.getAddress().getPort(),
                "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "50ms"))) {
            Map<String, Object> body = Fixtures.body(Fixtures.prompts(2, 1));
            body.put("connectionKey", "user-5@example.com");
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + "/v1/realtime/" + Fixtures.FLUX))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());

            String export = await("the invocation's span exported").atMost(Duration.ofSeconds(30))
                    .until(() -> exports.stream().filter(e -> e.contains("invocation " + Fixtures.FLUX)).findFirst().orElse(null),
                            found -> found != null);
            assertEquals("application/x-protobuf", export.substring(0, export.indexOf(' ')));
            assertFalse(export.contains("user-5@example.com"), "the connectionKey itself is never exported");
            assertFalse(export.contains("a lighthouse in a storm"), "no input is exported");
        } finally {
            collector.stop(0);
        }
    }
}
