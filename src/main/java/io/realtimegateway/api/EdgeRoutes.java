package io.realtimegateway.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.realtimegateway.config.InvocationConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The edge's route handlers, in the order a request meets them, among Quarkus's own: its body handler runs at
 * {@code Integer.MIN_VALUE + 1}, Funqy's and Quarkus REST's routes after {@link #BODY}, its failure handler last.
 * Paths name their parameters, so that metrics tag a refusal with the route template, never with the raw path.
 */
@ApplicationScoped
class EdgeRoutes {

    static final String INVOCATION = "/v1/realtime/:owner/:alias";
    static final String STREAM = "/v1/realtime/:owner/:alias/stream";
    static final String FUNCTION = "/realtime";
    /** Knative's binary CloudEvents arrive here; a GET is the playground's page. */
    static final String CLOUD_EVENTS = "/";

    /** The request head: deadlines, limits and the watch on the answer, before anything reads the body or answers. */
    private static final int HEAD = Integer.MIN_VALUE;
    /** Invocation bodies: after Quarkus's body handler, before the resources. */
    private static final int BODY = Integer.MIN_VALUE + 2;

    void register(@Observes Router router, InvocationConfig invocation, ClientDeadlines deadlines, RequestHeadLimits head,
            DrainGate drain, AppPathGuard paths, RequestBodyReader bodies, RouterRefusals refusals, StalledReaders stalledReaders) {
        router.route().order(HEAD).handler(deadlines);
        router.route().order(HEAD).handler(head);
        router.route().order(HEAD).handler(stalledReaders);
        router.route("/v1/realtime/*").order(HEAD).handler(drain);
        router.route(FUNCTION).order(HEAD).handler(drain);
        router.route(HttpMethod.POST, CLOUD_EVENTS).order(HEAD).handler(drain);
        router.route("/v1/realtime/*").order(HEAD).handler(paths);

        // Funqy's bindings make Quarkus read every body before any route; a build without them reads it here.
        BodyHandler body = BodyHandler.create(false).setBodyLimit(invocation.maxBodySize().asLongValue());
        router.route(HttpMethod.POST, INVOCATION).order(BODY).handler(body).handler(bodies::readInvocation);
        router.route(HttpMethod.POST, STREAM).order(BODY).handler(body).handler(bodies::readInvocation);
        router.route(FUNCTION).order(BODY).handler(refusals::postOnly);
        router.route(HttpMethod.POST, FUNCTION).order(BODY).handler(body).handler(bodies::readFunctionCall);

        router.route().failureHandler(refusals::failed);
        router.errorHandler(404, refusals::notFound);
        router.errorHandler(405, refusals::wrongMethod);
    }
}
