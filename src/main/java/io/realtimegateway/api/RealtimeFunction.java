package io.realtimegateway.api;

import java.util.Map;

import jakarta.inject.Inject;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.funqy.Funq;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.realtimegateway.invocation.InvocationRequestParser;
import io.realtimegateway.invocation.InvocationResponse;
import io.realtimegateway.invocation.InvocationService;
import io.realtimegateway.telemetry.LambdaRuntimeTrace;
import io.realtimegateway.telemetry.StructuredEventTrace;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The Funqy function {@code realtime}: the HTTP request body with an {@code "app"} field, the same response.
 * Over HTTP it is {@code POST /realtime}; on Lambda it is the handler; on Knative it answers CloudEvents.
 */
public class RealtimeFunction {

    @Inject
    InvocationService service;

    @Inject
    InvocationRequestParser parser;

    @Inject
    CurrentVertxRequest http;

    @Funq("realtime")
    public Uni<InvocationResponse> realtime(Map<String, Object> request) {
        RoutingContext caller = http.getCurrent();
        if (caller != null) {
            // A structured-mode CloudEvent may name its trace in the body, where Quarkus's tracing does not look.
            Context trace = StructuredEventTrace.of(Context.current(), caller.request().getHeader(HttpHeaders.CONTENT_TYPE), caller.body().buffer());
            try (Scope eventTrace = trace.makeCurrent()) {
                return CallerDeparture.cancelsOnDeparture(caller, service.invoke(parser.parseFunctionCall(request)));
            }
        }
        // A Lambda event, not an HTTP request: its trace is the one Lambda's runtime named for it.
        try (Scope lambdaTrace = LambdaRuntimeTrace.current().makeCurrent()) {
            return service.invoke(parser.parseFunctionCall(request));
        }
    }
}
