package io.realtimegateway.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.realtimegateway.config.InvocationConfig;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * What the router answers when no resource does: paths and methods no route takes, and failures of routes that are
 * not Quarkus REST's (Vert.x reading a body, the Funqy function, CloudEvents). A failure that carries a
 * {@link RealtimeException} is answered with its code's status (on Knative that status tells a broker whether to
 * retry an event); one the caller caused (a body too large, a malformed chunk, no Host header, an aborted upload) is
 * answered with the JSON error body and logged at DEBUG at most. Anything else is the gateway's own trouble and
 * goes on to Quarkus's handler, which logs it as an ERROR with an error id.
 */
@ApplicationScoped
class RouterRefusals {

    static final String NO_SUCH_ENDPOINT = "no such endpoint: the API is POST /v1/realtime/{owner}/{alias}[/stream], POST /realtime "
            + "and GET /v1/apps (see /q/openapi)";

    private final ErrorRenderer errors;
    private final long maxBodyBytes;

    RouterRefusals(ErrorRenderer errors, InvocationConfig invocation) {
        this.errors = errors;
        this.maxBodyBytes = invocation.maxBodySize().asLongValue();
    }

    void notFound(RoutingContext context) {
        errors.send(context, 404, invalid(NO_SUCH_ENDPOINT));
    }

    void wrongMethod(RoutingContext context) {
        errors.send(context, 405, invalid("this endpoint does not take that HTTP method"));
    }

    /** Funqy would take GET with query parameters, and log an ERROR for other methods: the function is POST only. */
    void postOnly(RoutingContext context) {
        if (context.request().method() == HttpMethod.POST) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.ALLOW, "POST");
        errors.send(context, 405, invalid("this endpoint does not take that HTTP method; it takes POST with a JSON body such as "
                + RequestBodyReader.FUNCTION_EXAMPLE));
    }

    void failed(RoutingContext context) {
        RealtimeException known = find(context.failure());
        if (known != null) {
            errors.send(context, ErrorStatus.of(known.code()), known);
            return;
        }
        if (callerWentAway(context)) {
            Log.debugf("The caller of %s %s went away before its answer", context.request().method(), context.request().path());
            return;
        }
        int status = context.statusCode();
        if (status < 400) {
            // Vert.x's body reader fails with 200 when the request stream itself broke (a malformed chunk, a reset):
            // the caller's doing, and the connection is going down with it.
            Log.debugf("Could not read the request %s %s: %s", context.request().method(), context.request().path(), context.failure());
            errors.sendAndClose(context, 400, invalid("the request is not well-formed HTTP (for example a malformed chunked body)"));
            return;
        }
        if (status >= 500) {
            context.next();
            return;
        }
        Log.debugf("Refused %s %s with %d%s", context.request().method(), context.request().path(), status,
                context.failure() == null ? "" : ": " + context.failure());
        switch (status) {
            case 400 -> errors.sendAndClose(context, 400, invalid(isMissingHost(context)
                    ? "HTTP/1.1 requests must carry a Host header"
                    : "the request is not well-formed HTTP (for example a malformed chunked body)"));
            case 404 -> notFound(context);
            case 405 -> wrongMethod(context);
            case 413 -> errors.sendAndClose(context, 413, invalid(tooLarge(context)));
            case 417 -> errors.sendAndClose(context, 417, invalid("the only expectation this server meets is 'Expect: 100-continue'"));
            default -> errors.sendAndClose(context, status, invalid("the request was refused with HTTP " + status));
        }
    }

    private String tooLarge(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        return (length == null ? "the request body is too large" : "the request body has " + length + " bytes")
                + "; at most " + maxBodyBytes + " bytes are accepted (gateway.invocation.max-body-size)";
    }

    private static boolean callerWentAway(RoutingContext context) {
        return context.response().closed() || context.failure() instanceof HttpClosedException;
    }

    private static boolean isMissingHost(RoutingContext context) {
        return context.request().authority() == null;
    }

    private static RealtimeException find(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RealtimeException known) {
                return known;
            }
        }
        return null;
    }

    private static RealtimeException invalid(String message) {
        return new RealtimeException(ErrorCode.INVALID_INPUT, message);
    }
}
