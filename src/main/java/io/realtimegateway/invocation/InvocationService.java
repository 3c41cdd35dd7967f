package io.realtimegateway.invocation;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtimegateway.client.RealtimeClient;
import io.realtimegateway.client.RealtimeConnection;
import io.realtimegateway.client.RealtimeOptions;
import io.realtimegateway.config.ValidationConfig;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeApp;
import io.realtimegateway.protocol.RealtimeApps;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.Violation;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Runs aggregated invocations on the real-time client: checks the app, validates the inputs it can,
 * sends the rest paced over one connection, and collects one outcome per input before the deadline.
 */
@ApplicationScoped
public class InvocationService {

    /** Codes that, when every input failed with one of them, mean the invocation as a whole failed. */
    private static final Set<ErrorCode> INVOCATION_FAILURES = EnumSet.of(ErrorCode.UNAUTHORIZED, ErrorCode.APP_NOT_FOUND,
            ErrorCode.CONNECTION_LOST, ErrorCode.CIRCUIT_OPEN, ErrorCode.RATE_LIMITED, ErrorCode.TIMEOUT);

    private final RealtimeClient client;
    private final AppAllowList allowList;
    private final ValidationConfig validation;
    private final Vertx vertx;

    InvocationService(RealtimeClient client, AppAllowList allowList, ValidationConfig validation, Vertx vertx) {
        this.client = client;
        this.allowList = allowList;
        this.validation = validation;
        this.vertx = vertx;
    }

    /**
     * The whole invocation, answered at once. Fails with a {@link RealtimeException} when the request is bad
     * or when no input could be processed (every input failed for the same invocation-level reason).
     */
    public Uni<InvocationResponse> invoke(InvocationRequest request) {
        RealtimeConnection connection = connect(request);
        return Uni.createFrom().completionStage(() -> run(request, connection, outcome -> {
        })).map(invocation -> respond(invocation, connection));
    }

    /** The same invocation, each outcome emitted as it arrives, then the summary. Bad requests fail before the stream. */
    public Multi<InvocationEvent> stream(InvocationRequest request) {
        RealtimeConnection connection = connect(request);
        return Multi.createFrom().emitter(emitter -> run(request, connection, outcome -> emitter.emit(new InvocationEvent.Outcome(outcome)))
                .whenComplete((invocation, failure) -> {
                    if (failure != null) {
                        emitter.fail(failure);
                    } else {
                        emitter.emit(new InvocationEvent.Finished(summary(invocation, connection)));
                        emitter.complete();
                    }
                }));
    }

    /** Checks the app and the options; the socket itself opens on the first send. */
    private RealtimeConnection connect(InvocationRequest request) {
        allowList.check(request.app());
        RealtimeOptions options = new RealtimeOptions(request.connectionKey(), request.throttleInterval(), request.maxBuffering(),
                request.path());
        return client.connect(request.app().toString(), options, result -> {
        });
    }

    private CompletableFuture<Invocation> run(InvocationRequest request, RealtimeConnection connection, Consumer<ItemResult> onOutcome) {
        Invocation invocation = new Invocation(request, onOutcome);
        Optional<RealtimeApp> schema = validation.local() ? RealtimeApps.find(request.app()) : Optional.empty();
        for (int i = 0; i < request.inputs().size(); i++) {
            var input = request.inputs().get(i);
            List<Violation> violations = schema.map(app -> app.validate(input)).orElse(List.of());
            if (violations.isEmpty()) {
                invocation.send(i, connection);
            } else {
                invocation.rejectLocally(i, violations);
            }
        }
        long deadline = vertx.setTimer(Math.max(1, request.timeout().toMillis()), id -> invocation.failRemaining(
                new RealtimeException(ErrorCode.TIMEOUT, "no result within the invocation's deadline of " + request.timeout().toMillis()
                        + " ms (timeoutMs)")));
        return invocation.settled().whenComplete((done, failure) -> {
            vertx.cancelTimer(deadline);
            connection.close();
        }).thenApply(done -> invocation);
    }

    private InvocationResponse respond(Invocation invocation, RealtimeConnection connection) {
        List<ItemResult> results = invocation.results();
        wholeFailure(results).ifPresent(failure -> {
            throw failure;
        });
        return new InvocationResponse(invocation.request().app().toString(), connection.connectionKey(), results,
                summary(invocation, connection));
    }

    private static Summary summary(Invocation invocation, RealtimeConnection connection) {
        List<ItemResult> results = invocation.results();
        int ok = (int) results.stream().filter(ItemResult::isOk).count();
        return new Summary(ok, results.size() - ok, connection.reconnects(), connection.throttleInterval().toMillis(),
                invocation.elapsedMillis());
    }

    /** No input got through, and all that were sent failed for one invocation-level reason: report that instead. */
    static Optional<RealtimeException> wholeFailure(List<ItemResult> results) {
        if (results.stream().anyMatch(ItemResult::isOk)) {
            return Optional.empty();
        }
        List<ErrorBody> errors = results.stream().map(ItemResult::error)
                .filter(error -> !error.code().equals(ErrorCode.INVALID_INPUT.name())).toList();
        Set<String> codes = Set.copyOf(errors.stream().map(ErrorBody::code).toList());
        if (codes.size() != 1 || !INVOCATION_FAILURES.contains(ErrorCode.valueOf(errors.get(0).code()))) {
            return Optional.empty();
        }
        return Optional.of(new RealtimeException(ErrorCode.valueOf(errors.get(0).code()), errors.get(0).message()));
    }
}
