package io.realtimegateway.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.config.InvocationConfig;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Vert.x-level handlers for what happens outside the REST resources: bodies over the size limit (413,
 * decided from Content-Length before the body is read), disguised app paths, and failures of the Funqy
 * function, so that all of them answer with the same error body as the REST API. The function is on
 * {@code /realtime}, and in the Knative build also on {@code /} for CloudEvents, where the status decides
 * whether a broker retries the event (429, 5xx) or sends it to its dead-letter sink (400, 404).
 */
@ApplicationScoped
public class HttpFilters {

    private final ObjectMapper json;
    private final long maxBodyBytes;

    HttpFilters(ObjectMapper json, InvocationConfig config) {
        this.json = json;
        this.maxBodyBytes = config.maxBodySize().asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::limitBodySize);
        router.route("/v1/realtime/*").order(Integer.MIN_VALUE + 1).handler(this::refuseDisguisedPaths);
        router.route("/realtime").failureHandler(this::functionFailed);
        router.route("/").failureHandler(this::functionFailed);
    }

    private void limitBodySize(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            answer(context, 413, new RealtimeException(ErrorCode.INVALID_INPUT, "the request body has " + length + " bytes; at most "
                    + maxBodyBytes + " are accepted (gateway.invocation.max-body-size)"));
            return;
        }
        context.next();
    }

    /**
     * App ids travel in the URL path. A path that only normalises into one (empty, '.' or '..' segments,
     * encoded dots) is refused rather than resolved into an app the caller did not spell out.
     */
    private void refuseDisguisedPaths(RoutingContext context) {
        if (!context.request().path().equals(context.normalizedPath())) {
            answer(context, 400, new RealtimeException(ErrorCode.INVALID_INPUT,
                    "the app id in the URL must be owner/alias, without empty, '.' or '..' segments"));
            return;
        }
        context.next();
    }

    private void functionFailed(RoutingContext context) {
        RealtimeException known = find(context.failure());
        if (known != null) {
            answer(context, ErrorStatus.of(known.code()), known);
        } else if (context.statusCode() == 400) {
            answer(context, 400, new RealtimeException(ErrorCode.INVALID_INPUT,
                    "the body must be a JSON object such as {\"app\":\"fal-ai/flux-lora-realtime\",\"inputs\":[{\"prompt\":\"...\"}]}"));
        } else {
            context.next();
        }
    }

    private void answer(RoutingContext context, int status, RealtimeException failure) {
        try {
            var response = context.response().setStatusCode(status).putHeader("Content-Type", "application/json");
            ErrorStatus.retryAfter(failure).ifPresent(seconds -> response.putHeader("Retry-After", seconds));
            response.end(json.writeValueAsString(ErrorResponse.of(failure)));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private static RealtimeException find(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RealtimeException known) {
                return known;
            }
        }
        return null;
    }
}
