package io.realtimegateway.api;

import java.util.regex.Pattern;

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
 * decided from Content-Length before the body is read), disguised app paths, paths no route takes, and failures of the Funqy
 * function, so that all of them answer with the same error body as the REST API. The function is on
 * {@code /realtime}, and in the Knative build also on {@code /} for CloudEvents, where the status decides
 * whether a broker retries the event (429, 5xx) or sends it to its dead-letter sink (400, 404).
 */
@ApplicationScoped
public class HttpFilters {

    /** An encoded slash or backslash would pack two segments' worth of app id into one path segment. */
    private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%(2[fF]|5[cC])");
    static final String NO_SUCH_ENDPOINT = "no such endpoint: the API is POST /v1/realtime/{owner}/{alias}[/stream], POST /realtime "
            + "and GET /v1/apps (see /q/openapi)";

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
        // What no route takes, and bodies Vert.x finds too large while reading them (sent without a Content-Length).
        router.errorHandler(404, context -> answer(context, 404, new RealtimeException(ErrorCode.INVALID_INPUT, NO_SUCH_ENDPOINT)));
        router.errorHandler(413, context -> answer(context, 413, tooLarge("the request body is too large")));
    }

    private void limitBodySize(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            answer(context, 413, tooLarge("the request body has " + length + " bytes"));
            return;
        }
        context.next();
    }

    /**
     * App ids travel in the URL path. A path that only normalises into one (empty, '.' or '..' segments,
     * encoded dots) or hides a separator in a segment is refused rather than read as an app the caller did not spell out.
     */
    private void refuseDisguisedPaths(RoutingContext context) {
        String path = context.request().path();
        if (!path.equals(context.normalizedPath()) || ENCODED_SEPARATOR.matcher(path).find()) {
            answer(context, 400, new RealtimeException(ErrorCode.INVALID_INPUT,
                    "the app id in the URL must be owner/alias, without empty, '.' or '..' segments or encoded '/' or '\\'"));
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

    private RealtimeException tooLarge(String what) {
        return new RealtimeException(ErrorCode.INVALID_INPUT, what + "; at most " + maxBodyBytes + " bytes are accepted (gateway.invocation.max-body-size)");
    }

    void answer(RoutingContext context, int status, RealtimeException failure) {
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
