package io.realtimegateway.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.realtimegateway.protocol.Msgpack;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.UpstreamMessage;
import io.realtimegateway.telemetry.SocketTrace;
import io.smallrye.mutiny.Uni;

/**
 * The upstream, played by the test: each upgrade gives a {@link Socket} whose sent frames the test reads and whose
 * answers and close the test writes, on the test thread. Upgrades succeed at once unless the test queued another fate.
 */
final class FakeUpstream implements UpstreamSockets {

    /** One socket as the upstream sees it. */
    static final class Socket extends UpstreamSocket {

        final List<Map<?, ?>> received = new ArrayList<>();
        boolean closedByClient;
        /** What a close by the client completes with: at once, unless the test holds it. */
        private CompletableFuture<Void> closeConfirmed = CompletableFuture.completedFuture(null);

        Socket(SocketListener listener) {
            super(listener);
        }

        @Override
        void send(byte[] frame) {
            received.add((Map<?, ?>) Msgpack.decode(frame));
        }

        @Override
        CompletionStage<Void> close() {
            closedByClient = true;
            return closeConfirmed;
        }

        /** The client's close of this socket completes when the test completes the future returned. */
        CompletableFuture<Void> holdClose() {
            closeConfirmed = new CompletableFuture<>();
            return closeConfirmed;
        }

        /** The seeds of the inputs this socket received, in order. */
        List<Object> seeds() {
            return received.stream().map(input -> (Object) input.get("seed")).toList();
        }

        /** Answers the input with this seed, echoing it as fal's apps do. */
        void answer(long seed) {
            received(new UpstreamMessage.Result(Map.of("seed", seed, "images", List.of())));
        }

        void say(UpstreamMessage message) {
            received(message);
        }

        /** fal ends a session over an input: its error, then a normal close. */
        void endOver(String reason) {
            received(new UpstreamMessage.FalError("INTERNAL_ERROR", reason));
            closed(1000, "");
        }

        void drop(int code) {
            closed(code, "");
        }
    }

    /** An upgrade the test answers when it likes. */
    final class HeldUpgrade {

        private final CompletableFuture<UpstreamSocket> fate = new CompletableFuture<>();
        private SocketListener listener;

        Socket accept() {
            Socket socket = new Socket(listener);
            sockets.add(socket);
            fate.complete(socket);
            return socket;
        }

        void refuse(Throwable why) {
            fate.completeExceptionally(why);
        }
    }

    final List<Socket> sockets = new ArrayList<>();
    final List<LinkSettings> tokensForgotten = new ArrayList<>();
    int upgrades;
    private final Queue<HeldUpgrade> held = new ArrayDeque<>();

    /** The next upgrade waits for the test to accept or refuse it. */
    HeldUpgrade holdNextUpgrade() {
        HeldUpgrade upgrade = new HeldUpgrade();
        held.add(upgrade);
        return upgrade;
    }

    Socket latest() {
        return sockets.get(sockets.size() - 1);
    }

    @Override
    public Uni<UpstreamSocket> open(LinkSettings settings, SocketListener listener, SocketTrace trace) {
        upgrades++;
        HeldUpgrade upgrade = held.poll();
        if (upgrade != null) {
            upgrade.listener = listener;
            return Uni.createFrom().completionStage(upgrade.fate);
        }
        Socket socket = new Socket(listener);
        sockets.add(socket);
        return Uni.createFrom().item(socket);
    }

    @Override
    public void forgetToken(LinkSettings settings) {
        tokensForgotten.add(settings);
    }
}
