package io.realtimegateway.simulator;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.realtimegateway.config.EmbeddedUpstream;
import io.realtimegateway.config.SimulatorConfig;
import io.realtimegateway.config.UpstreamMode;
import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.RealtimeApp;
import io.realtimegateway.protocol.RealtimeApps;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.RealtimeUrl;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * The embedded fal-compatible upstream: a plain Vert.x server on its own port with fal's token endpoint
 * ({@code POST /tokens/}) and the seed apps' real-time WebSockets ({@code /{owner}/{alias}/realtime}).
 * It starts when the gateway uses it (no fal key configured) or when enabled explicitly, and publishes
 * its address for the gateway, which reaches it only through the network.
 */
@ApplicationScoped
public class Simulator {

    private static final Pattern REALTIME_PATH = Pattern.compile("/([^/]+)/([^/]+)(/.*)");
    /** Results carry whole images; a generous bound still refuses absurd frames. */
    private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
    private static final int EVENT_LOOPS = 2;
    /** Policy violation (RFC 6455): the close code for a refused token. */
    private static final short REFUSED_TOKEN = 1008;

    /** What a session needs from the simulator. */
    record Services(Vertx vertx, SimulatedModel model, Supplier<SimulatorSettings> settings, SimulatorStats stats) {
    }

    private final SimulatorConfig config;
    private final UpstreamMode mode;
    private final EmbeddedUpstream embedded;
    /** Any thread: swapped whole, read once per decision. */
    private final AtomicReference<SimulatorSettings> settings;
    private final SimulatorStats stats = new SimulatorStats();
    private final SimulatorTokens tokens = new SimulatorTokens(Clock.systemUTC());
    private final SimulatedModel model = new SimulatedModel();
    /** Its own Vert.x, as a separate upstream would have: own event loops, none of the gateway's metrics. */
    private Vertx vertx;
    /** Set once started (on the start-up thread, before any request). */
    private TokenDesk tokenDesk;
    private URI baseUrl;

    Simulator(SimulatorConfig config, UpstreamMode mode, EmbeddedUpstream embedded) {
        this.config = config;
        this.mode = mode;
        this.embedded = embedded;
        this.settings = new AtomicReference<>(SimulatorSettings.from(config));
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled().orElse(mode.embedded())) {
            return;
        }
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS).setWorkerPoolSize(1));
        Services services = new Services(vertx, model, this::settings, stats);
        String key = config.key().orElseGet(Simulator::randomKey);
        tokenDesk = new TokenDesk(tokens, key, services);
        HttpServerOptions options = new HttpServerOptions().setHost(config.host()).setPort(config.port())
                .setMaxWebSocketMessageSize(MAX_MESSAGE_BYTES);
        HttpServer server = vertx.createHttpServer(options).requestHandler(request -> {
            if (request.path().equals("/tokens/") || request.path().equals("/tokens")) {
                stats.tokenRequested();
                tokenDesk.handle(request);
            } else {
                realtime(request, services);
            }
        });
        server.listen().toCompletionStage().toCompletableFuture().join();
        baseUrl = URI.create("http://" + config.host() + ":" + server.actualPort());
        embedded.publish(new EmbeddedUpstream.Address(baseUrl, key));
        Log.infof("Embedded fal-compatible upstream listening on %s (tokens at /tokens/, apps at ws://%s:%d/{owner}/{alias}/realtime)",
                baseUrl, config.host(), server.actualPort());
    }

    /** Last of the shutdown's observers (theirs default to APPLICATION + 500): the gateway closes its sockets to it first. */
    void stop(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) ShutdownEvent event) {
        if (vertx != null) {
            embedded.withdraw();
            vertx.close();
        }
    }

    /**
     * After a SnapStart restore: the random key and the token secret of the snapshot are shared by every copy made
     * from it, so a running simulator takes new ones (a configured key stays), and tokens issued before stop working.
     */
    public void reseed() {
        if (vertx == null) {
            return;
        }
        tokens.reseed();
        if (config.key().isEmpty()) {
            String key = randomKey();
            tokenDesk.rekey(key);
            embedded.publish(new EmbeddedUpstream.Address(baseUrl, key));
        }
    }

    /** Whether it is running, and where. */
    public Optional<URI> baseUrl() {
        return embedded.address().map(EmbeddedUpstream.Address::baseUrl);
    }

    /** What it plays right now. */
    public SimulatorSettings settings() {
        return settings.get();
    }

    /** Swaps in changed settings, e.g. {@code simulator.update(s -> s.dropAfterResults(2, 1011))}; they apply from the next decision on. */
    public void update(UnaryOperator<SimulatorSettings> change) {
        settings.updateAndGet(change);
    }

    /** Back to what configuration says. */
    public void reset() {
        settings.set(SimulatorSettings.from(config));
    }

    public SimulatorStats stats() {
        return stats;
    }

    private void realtime(HttpServerRequest request, Services services) {
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            stats.upgradeRequested();
        }
        Matcher path = REALTIME_PATH.matcher(request.path());
        Optional<RealtimeApp> app = path.matches() && RealtimeUrl.DEFAULT_PATH.equals(path.group(3))
                ? knownApp(path.group(1) + "/" + path.group(2)) : Optional.empty();
        if (app.isEmpty() || !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            request.response().setStatusCode(404).putHeader("Content-Type", "application/json").end("{\"detail\":\"Not Found\"}");
            return;
        }
        SimulatorSettings now = settings.get();
        boolean faultsApply = now.appliesTo(app.get().id());
        if (faultsApply && now.hangUpgrade()) {
            return; // never answered: the caller's connect timeout has to fire
        }
        if (faultsApply && now.refuseUpgradeStatus() != 0) {
            request.response().setStatusCode(now.refuseUpgradeStatus()).putHeader("Retry-After", "1")
                    .putHeader("Content-Type", "application/json").end("{\"detail\":\"refused by the simulator's fault settings\"}");
            return;
        }
        Integer maxBuffering = maxBuffering(request.getParam("max_buffering"), now);
        if (maxBuffering == null) {
            request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end("{\"detail\":\"max_buffering must be a whole number from 1 to 60\"}");
            return;
        }
        boolean authorized = !now.refuseTokens() && tokens.allows(request.getParam("fal_jwt_token"), path.group(2));
        request.toWebSocket().onSuccess(socket -> {
            stats.connected(app.get().id());
            if (!authorized) {
                socket.closeHandler(closed -> stats.disconnected(app.get().id()));
                // fal's edge accepts the upgrade, then says so and closes. It closes with 1000, which fal's own JavaScript
                // client reports as nothing at all (it also drops the Unauthorized frame): 1008 and a reason, it reports.
                socket.writeTextMessage("{\"status\":\"error\",\"error\":\"Unauthorized\"}");
                socket.close(REFUSED_TOKEN, "Unauthorized: the token does not allow " + app.get().id());
                return;
            }
            new SimulatedSession(socket, () -> request.connection().close(), app.get(), maxBuffering, services).start();
        });
    }

    private static Integer maxBuffering(String param, SimulatorSettings now) {
        if (param == null) {
            return now.defaultMaxBuffering();
        }
        try {
            return RealtimeUrl.checkMaxBuffering(Integer.parseInt(param));
        } catch (NumberFormatException | RealtimeException e) {
            return null;
        }
    }

    private static Optional<RealtimeApp> knownApp(String id) {
        try {
            return RealtimeApps.find(AppId.parse(id));
        } catch (RealtimeException e) {
            return Optional.empty();
        }
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
