package io.realtimegateway.api;

import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.funqy.Funq;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.realtimegateway.invocation.InvocationRequestParser;
import io.realtimegateway.invocation.InvocationResponse;
import io.realtimegateway.invocation.InvocationService;
import io.smallrye.mutiny.Uni;

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
        return CallerDeparture.cancelsOnDeparture(http.getCurrent(), service.invoke(parser.parseFunctionCall(request)));
    }
}
