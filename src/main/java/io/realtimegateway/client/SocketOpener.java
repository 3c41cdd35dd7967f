package io.realtimegateway.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.BasicWebSocketConnector.ExecutionModel;
import io.realtimegateway.auth.TokenCache;
import io.realtimegateway.auth.UpstreamTarget;
import io.realtimegateway.config.ClientConfig;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.FrameCodec;
import io.realtimegateway.protocol.NetworkFailure;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.RealtimeUrl;
import io.realtimegateway.protocol.Redaction;
import io.realtimegateway.protocol.RetryAfter;
import io.realtimegateway.resilience.AppRoster;
import io.realtimegateway.telemetry.SocketTrace;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.UpgradeRejectedException;

/** Opens one socket for a connection: a token, the app's URL, the WebSockets Next client, failures given codes. */
@ApplicationScoped
class SocketOpener implements UpstreamSockets {

    private final Instance<BasicWebSocketConnector> connectors;
    private final TokenCache tokens;
    private final UpstreamTarget target;
    private final ClientConfig config;
    private final AppRoster roster;

    SocketOpener(Instance<BasicWebSocketConnector> connectors, TokenCache tokens, UpstreamTarget target, ClientConfig config,
            AppRoster roster) {
        this.connectors = connectors;
        this.tokens = tokens;
        this.target = target;
        this.config = config;
        this.roster = roster;
    }

    @Override
    public Uni<UpstreamSocket> open(LinkSettings settings, SocketListener listener, SocketTrace trace) {
        return tokens.token(settings.app())
                .invoke(trace::tokenReady)
                .chain(token -> connect(RealtimeUrl.of(target.realtimeUrl(), settings.app(), settings.path(), token, settings.maxBuffering()),
                        new UpstreamSocket(listener), secrets(token)))
                // The upstream has the app: it earns state of its own in the gateway.
                .invoke(opened -> roster.accepted(settings.app()))
                .onFailure().transform(failure -> explain(failure, settings));
    }

    @Override
    public void forgetToken(LinkSettings settings) {
        tokens.invalidate(settings.app());
    }

    /** What the upstream's frames and close reasons must never pass on: the socket's token and the key. */
    private Redaction secrets(String token) {
        String key = target.credentials().key();
        List<String> secrets = new ArrayList<>(List.of(token, key));
        secrets.addAll(List.of(key.split(":")));
        return Redaction.of(secrets);
    }

    private Uni<UpstreamSocket> connect(URI url, UpstreamSocket socket, Redaction redaction) {
        // Connectors are single-use: a fresh one per socket, released once the socket is open or failed.
        var connector = connectors.getHandle();
        int timeoutMillis = (int) config.connectTimeout().toMillis();
        return connector.get()
                .baseUri(URI.create(url.getScheme() + "://" + url.getRawAuthority() + "?" + url.getRawQuery()))
                .path(url.getRawPath())
                // Non-blocking callbacks run in frame order; the blocking default is unordered.
                .executionModel(ExecutionModel.NON_BLOCKING)
                .customizeOptions((connect, client) -> {
                    client.setConnectTimeout(timeoutMillis);
                    connect.setTimeout(timeoutMillis);
                })
                .onTextMessage((connection, text) -> socket.received(redaction.scrub(FrameCodec.decodeText(text))))
                .onBinaryMessage((connection, bytes) -> socket.received(redaction.scrub(FrameCodec.decodeBinary(bytes.getBytes()))))
                .onClose((connection, reason) -> socket.closed(reason.getCode(), redaction.scrub(reason.getMessage())))
                // A lost connection also surfaces here; its close follows and decides what happens.
                .onError((connection, failure) -> Log.debugf("WebSocket %s failed: %s", connection.id(), failure.getMessage()))
                .connect()
                .map(socket::attach)
                .onTermination().invoke(connector::destroy);
    }

    private RealtimeException explain(Throwable failure, LinkSettings settings) {
        if (failure instanceof RealtimeException known) {
            return known;
        }
        String app = settings.app().toString();
        if (failure instanceof UpgradeRejectedException rejected) {
            int status = rejected.getStatus();
            String said = " (HTTP " + status + " on the WebSocket upgrade)";
            return switch (status) {
                case 401, 403 -> new RealtimeException(ErrorCode.UNAUTHORIZED, "the upstream refused the token for " + app + said);
                case 404 -> notFound(settings, said);
                case 429 -> new RealtimeException(ErrorCode.RATE_LIMITED, "the upstream is rate limiting " + app + said,
                        RetryAfter.parse(rejected.getHeaders() == null ? null : rejected.getHeaders().get("Retry-After")), null);
                default -> new RealtimeException(status >= 500 ? ErrorCode.CONNECTION_LOST : ErrorCode.UPSTREAM_ERROR,
                        "the upstream refused the connection to " + app + said);
            };
        }
        // Where exactly is for the operator; the caller hears what happened.
        Log.debugf("Could not connect to %s for %s: %s", target.describe(), app, Redaction.text(String.valueOf(failure.getMessage())));
        return new RealtimeException(ErrorCode.CONNECTION_LOST, "could not connect to the upstream for " + app + ": "
                + NetworkFailure.describe(failure), failure);
    }

    /** The token for an app the upstream does not have is of no use: it goes, so that junk ids leave nothing behind. */
    private RealtimeException notFound(LinkSettings settings, String said) {
        tokens.invalidate(settings.app());
        return new RealtimeException(ErrorCode.APP_NOT_FOUND, "the upstream has no real-time app " + settings.app() + " at path "
                + (settings.path() == null ? RealtimeUrl.DEFAULT_PATH : settings.path()) + said);
    }
}
