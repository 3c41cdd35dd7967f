package io.realtimegateway.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.config.PlaygroundConfig;
import io.realtimegateway.config.UpstreamMode;
import io.realtimegateway.protocol.ErrorCode;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The playground's static page ({@code META-INF/resources}: {@code /} and {@code /playground/*}) is served only when
 * enabled, by default with the embedded upstream: on fal every run spends the key. {@code /playground/settings.json}
 * tells the page which upstream it is driving.
 */
@ApplicationScoped
public class PlaygroundRoutes {

    private final boolean enabled;
    private final boolean embedded;
    private final ObjectMapper json;

    PlaygroundRoutes(PlaygroundConfig config, UpstreamMode mode, ObjectMapper json) {
        this.json = json;
        this.embedded = mode.embedded();
        this.enabled = config.enabled().orElse(embedded);
    }

    void register(@Observes Router router) {
        router.routeWithRegex("/(index\\.html)?|/playground/.*").method(HttpMethod.GET).method(HttpMethod.HEAD).order(Integer.MIN_VALUE + 2)
                .handler(this::gate);
        router.get("/playground/settings.json").handler(context -> context.response().putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("upstream", embedded ? "embedded" : "fal").encode()));
    }

    private void gate(RoutingContext context) {
        if (enabled) {
            context.next();
            return;
        }
        try {
            context.response().setStatusCode(404).putHeader("Content-Type", "application/json").end(json.writeValueAsString(ErrorResponse.of(
                    ErrorCode.INVALID_INPUT, "the playground is off: on fal every run spends the key; turn it on with gateway.playground.enabled=true")));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
