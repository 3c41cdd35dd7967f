package io.realtimegateway.proxy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.realtimegateway.api.ErrorRenderer;
import io.realtimegateway.api.ErrorStatus;
import io.realtimegateway.auth.UpstreamTarget;
import io.realtimegateway.config.EmbeddedUpstream;
import io.realtimegateway.config.ProxyConfig;
import io.realtimegateway.config.UpstreamMode;
import io.realtimegateway.invocation.AppAllowList;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/fal/proxy}, a drop-in for fal's {@code @fal-ai/server-proxy}: fal's JavaScript client, given it as
 * {@code proxyUrl}, sends every HTTP call here with the real URL in {@code x-fal-target-url}; the proxy checks the caller
 * and the target, adds the gateway's key and streams the call to fal (or the embedded upstream) and the answer back.
 * Real-time token requests are rebuilt within the allow-list, a lifetime cap and a per-client rate limit.
 */
@ApplicationScoped
public class FalProxyRoute {

    public static final String PATH = "/api/fal/proxy";
    private static final Set<HttpMethod> FORWARDED = Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT);
    private static final String METHODS = "GET, POST, PUT";

    private final ProxyConfig config;
    private final AppAllowList apps;
    private final UpstreamTarget upstream;
    private final Vertx vertx;
    private final AllowedTargets targets;
    private final CallerCheck callers;
    private final TokenScope tokens;
    private final TokenRateLimit tokenRateLimit;
    private final UpstreamRoutes routes;
    private final ProxyAnswers answers;
    private final HttpClient http;
    private final AtomicInteger inFlight = new AtomicInteger();

    FalProxyRoute(ProxyConfig config, AppAllowList apps, UpstreamTarget upstream, UpstreamMode mode, EmbeddedUpstream embedded,
            ObjectMapper json, ErrorRenderer errors, Vertx vertx) {
        this.config = config;
        this.apps = apps;
        this.upstream = upstream;
        this.vertx = vertx;
        this.targets = new AllowedTargets(config.allowedTargets());
        this.callers = new CallerCheck(config.allowedOrigins().orElse(List.of()), config.sharedSecret(), config.forwardCallerAuthorization());
        this.tokens = new TokenScope(apps::allowsAlias, apps.describe(), config.tokens().maxExpiration().toSeconds(), config.tokens().maxApps(), json);
        this.tokenRateLimit = new TokenRateLimit(config.tokens().rateLimit());
        this.routes = new UpstreamRoutes(upstream, mode, embedded, config.hostOverrides());
        this.answers = new ProxyAnswers(errors);
        this.http = vertx.createHttpClient(new HttpClientOptions().setDecompressionSupported(true).setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.maxConcurrent()).setMaxWaitQueueSize(config.maxConcurrent()));
    }

    void register(@Observes Router router) {
        if (config.enabled()) {
            router.route(PATH).handler(this::handle);
        }
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        Optional<String> corsOrigin = Optional.empty();
        try {
            corsOrigin = callers.origin(request.getHeader("Origin"), ownOrigin(request));
            if (request.method() == HttpMethod.OPTIONS) {
                answers.preflight(request, corsOrigin, METHODS, callers.readsAuthorization());
                return;
            }
            if (!FORWARDED.contains(request.method())) {
                request.response().putHeader("Allow", METHODS + ", OPTIONS");
                answers.refuse(request.response(), corsOrigin, 405, new RealtimeException(ErrorCode.INVALID_INPUT,
                        "the proxy forwards " + METHODS + " (fal's client sends nothing else)"));
                return;
            }
            Optional<String> callerAuthorization = callers.authorization(request.getHeader("Authorization"));
            ProxyTarget target = ProxyTarget.parse(single(request, ProxyTarget.HEADER));
            targets.check(target);
            target.app().ifPresent(apps::check);
            if (target.isTokenRequest()) {
                if (request.method() != HttpMethod.POST) {
                    throw new RealtimeException(ErrorCode.INVALID_INPUT, "real-time tokens are requested with POST");
                }
                tokenRateLimit.acquire(clientAddress(request));
            }
            if (inFlight.incrementAndGet() > config.maxConcurrent()) {
                inFlight.decrementAndGet();
                throw new RealtimeException(ErrorCode.RATE_LIMITED, "the proxy is forwarding " + config.maxConcurrent()
                        + " calls already (gateway.proxy.max-concurrent); retry shortly", Duration.ofSeconds(1), null);
            }
            Optional<String> cors = corsOrigin;
            body(context).onComplete(read -> forward(request, target, callerAuthorization, cors, read.succeeded() ? read.result() : null));
        } catch (RealtimeException refused) {
            refuse(request, corsOrigin, refused);
        }
    }

    /**
     * The caller's body. Funqy's HTTP binding makes Quarkus read every request body whole before any route runs
     * (bounded by {@code quarkus.http.limits.max-body-size}), so it is usually there already.
     */
    private static Future<Buffer> body(RoutingContext context) {
        if (context.body().available()) {
            return Future.succeededFuture(context.body().buffer() == null ? Buffer.buffer() : context.body().buffer());
        }
        Future<Buffer> read = context.request().body();
        context.request().resume();
        return read;
    }

    /** Runs once the body is in; the caller holds one of the {@code max-concurrent} permits until the exchange ends. */
    private void forward(HttpServerRequest request, ProxyTarget target, Optional<String> callerAuthorization, Optional<String> corsOrigin,
            Buffer body) {
        try {
            if (body == null) {
                throw new RealtimeException(ErrorCode.INVALID_INPUT, "the request body could not be read");
            }
            long limit = target.isTokenRequest() ? TokenScope.MAX_BODY_BYTES : config.maxBodySize().asLongValue();
            if (body.length() > limit) {
                request.response().putHeader("Connection", "close");
                answers.refuse(request.response(), corsOrigin, 413, new RealtimeException(ErrorCode.INVALID_INPUT, "the request body has "
                        + body.length() + " bytes; at most " + limit + " are forwarded" + (target.isTokenRequest() ? " for a token request"
                                : " (gateway.proxy.max-body-size)")));
                inFlight.decrementAndGet();
                return;
            }
            Buffer outbound = target.isTokenRequest() ? Buffer.buffer(tokens.rebuild(body.getBytes()))
                    : request.method() == HttpMethod.GET ? null : body;
            RequestOptions options = ForwardedRequest.options(request, routes.url(target), target.isTokenRequest(),
                    callerAuthorization.orElseGet(() -> upstream.credentials().authorizationHeader()), config.connectTimeout());
            new ProxiedExchange(request, corsOrigin, vertx, http, config, answers, inFlight::decrementAndGet).start(options, outbound);
        } catch (RealtimeException refused) {
            inFlight.decrementAndGet();
            refuse(request, corsOrigin, refused);
        }
    }

    private void refuse(HttpServerRequest request, Optional<String> corsOrigin, RealtimeException refused) {
        Log.debugf("Proxy: refused %s: %s", request.method(), refused.code());
        answers.refuse(request.response(), corsOrigin, ErrorStatus.of(refused.code()), refused);
    }

    private static String single(HttpServerRequest request, String header) {
        List<String> values = request.headers().getAll(header);
        if (values.size() > 1) {
            throw new RealtimeException(ErrorCode.INVALID_INPUT, "send the " + header + " header once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** The gateway's origin as this request reached it (behind a proxy, as Quarkus's forwarded-header settings say). */
    private static String ownOrigin(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        return authority == null ? "" : request.scheme() + "://" + authority.host() + (authority.port() >= 0 ? ":" + authority.port() : "");
    }

    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
