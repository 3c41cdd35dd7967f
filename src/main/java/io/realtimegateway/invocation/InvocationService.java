package io.realtimegateway.invocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.realtimegateway.client.RealtimeClient;
import io.realtimegateway.config.ResponseConfig;
import io.realtimegateway.config.ValidationConfig;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeApp;
import io.realtimegateway.protocol.RealtimeApps;
import io.realtimegateway.protocol.RealtimeException;
import io.realtimegateway.protocol.RetryAfter;
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
    /** Whether inputs of the known apps are checked before they are sent ({@code gateway.validation.local}). */
    private final boolean validateLocally;
    private final Vertx vertx;
    private final long maxOutputBytes;
    private final Tracer tracer;

    InvocationService(RealtimeClient client, AppAllowList allowList, ValidationConfig validation, ResponseConfig responseConfig,
            Vertx vertx, Tracer tracer) {
        this.validateLocally = validation.local();
        this.maxOutputBytes = responseConfig.maxSize().asLongValue();
        this.client = client;
        this.tracer = tracer;
        this.allowList = allowList;
        this.vertx = vertx;
    }

    /**
     * The whole invocation, answered at once, traced as a child of the current context (the HTTP request's). Fails
     * with a {@link RealtimeException} when the request is bad or when no input could be processed (every input
     * failed for the same invocation-level reason).
     */
    public Uni<InvocationResponse> invoke(InvocationRequest request) {
        InvocationTrace trace = InvocationTrace.start(tracer, Context.current(), request);
        Lanes lanes = connect(request, trace);
        return Uni.createFrom().deferred(() -> {
            Invocation invocation = traced(request, lanes, trace, outcome -> {
            });
            // Cancelled when the caller goes away (Quarkus REST cancels on a closed connection; see api/CallerDeparture).
            return Uni.createFrom().completionStage(run(invocation, lanes)).onCancellation().invoke(() -> {
                callerLeft(invocation, trace);
                // Nobody gets the answer, but the trace and the log still get the totals.
                invocation.settled().thenRun(() -> finish(invocation, lanes, trace, wholeFailure(invocation.results())));
            });
        }).map(invocation -> respond(invocation, lanes, trace));
    }

    /** The same invocation, each outcome emitted as it arrives, then the summary. Bad requests fail before the stream. */
    public Multi<InvocationEvent> stream(InvocationRequest request) {
        InvocationTrace trace = InvocationTrace.start(tracer, Context.current(), request);
        Lanes lanes = connect(request, trace);
        return Multi.createFrom().emitter(emitter -> {
            Invocation invocation = traced(request, lanes, trace, outcome -> emitter.emit(new InvocationEvent.Outcome(outcome)));
            // Quarkus REST cancels the stream when its connection closes; both callbacks run on that connection's event loop.
            emitter.onCancellation(() -> callerLeft(invocation, trace));
            run(invocation, lanes).whenComplete((done, failure) -> {
                if (failure != null) {
                    emitter.fail(failure);
                } else {
                    emitter.emit(new InvocationEvent.Finished(finish(invocation, lanes, trace, wholeFailure(invocation.results()))));
                    emitter.complete();
                }
            });
        });
    }

    /** Checks the app and the options; sockets open on the first send, traced under the invocation's span. */
    private Lanes connect(InvocationRequest request, InvocationTrace trace) {
        try (Scope scope = trace.context().makeCurrent()) {
            allowList.check(request.app());
            return Lanes.open(client, request);
        } catch (RealtimeException refused) {
            trace.refused(refused.code());
            throw refused;
        }
    }

    /** The books of one invocation; each outcome goes into its trace as well. */
    private Invocation traced(InvocationRequest request, Lanes lanes, InvocationTrace trace, Consumer<ItemResult> onOutcome) {
        return new Invocation(request, lanes, maxOutputBytes, outcome -> {
            trace.outcome(outcome);
            onOutcome.accept(outcome);
        });
    }

    private CompletableFuture<Invocation> run(Invocation invocation, Lanes lanes) {
        InvocationRequest request = invocation.request();
        Optional<RealtimeApp> schema = validateLocally ? RealtimeApps.find(request.app()) : Optional.empty();
        List<Integer> toSend = new ArrayList<>();
        for (int i = 0; i < request.inputs().size(); i++) {
            var input = request.inputs().get(i);
            List<Violation> violations = schema.map(app -> app.validate(input)).orElse(List.of());
            if (violations.isEmpty()) {
                toSend.add(i);
            } else {
                invocation.rejectLocally(i, violations);
            }
        }
        invocation.dispatch(toSend, request.options().maxBuffering());
        long deadline = vertx.setTimer(Math.max(1, request.timeout().toMillis()), id -> invocation.stop(deadlinePassed(request, lanes)));
        return invocation.settled().whenComplete((done, failure) -> {
            vertx.cancelTimer(deadline);
            lanes.close();
        }).thenApply(done -> invocation);
    }

    /** The caller went away: what it asked for is not sent, and its sockets and bulkhead slots are given back now. */
    private static void callerLeft(Invocation invocation, InvocationTrace trace) {
        Log.debugf("The caller of an invocation of %s went away; stopping it", invocation.request().app());
        trace.callerLeft();
        // Nobody reads the items this error goes into.
        invocation.stop(new RealtimeException(ErrorCode.CONNECTION_LOST, "the caller went away"));
    }

    /** What the inputs still waiting at the deadline get: TIMEOUT, or RATE_LIMITED when the upstream was holding them back. */
    private static RealtimeException deadlinePassed(InvocationRequest request, Lanes lanes) {
        long millis = request.timeout().toMillis();
        return lanes.rateLimited()
                .map(wait -> new RealtimeException(ErrorCode.RATE_LIMITED, "the upstream was still rate limiting when the deadline of "
                        + millis + " ms (timeoutMs) passed; retry later or with a larger throttleIntervalMs", wait, null))
                .orElseGet(() -> new RealtimeException(ErrorCode.TIMEOUT, "no result within the invocation's deadline of " + millis
                        + " ms (timeoutMs)"));
    }

    private InvocationResponse respond(Invocation invocation, Lanes lanes, InvocationTrace trace) {
        Optional<ErrorCode> wholeFailure = wholeFailure(invocation.results());
        InvocationResponse response = new InvocationResponse(invocation.request().app().toString(), lanes.connectionKey(),
                invocation.results(), finish(invocation, lanes, trace, wholeFailure));
        wholeFailure.ifPresent(code -> {
            ErrorBody first = response.results().stream().map(ItemResult::error)
                    .filter(error -> error != null && error.code() == code).findFirst().orElseThrow();
            throw new InvocationFailure(code, first.message(), retryAfter(code, invocation, lanes), response);
        });
        return response;
    }

    /** A rate limit always says when to come back: what an input was told, else what a lane was, else the default. */
    private static Duration retryAfter(ErrorCode code, Invocation invocation, Lanes lanes) {
        Optional<Duration> told = invocation.retryAfter(code);
        if (code != ErrorCode.RATE_LIMITED) {
            return told.orElse(null);
        }
        return told.or(lanes::rateLimited).orElse(RetryAfter.DEFAULT);
    }

    /** The totals, once every input has its outcome: into the trace and the log. */
    private static Summary finish(Invocation invocation, Lanes lanes, InvocationTrace trace, Optional<ErrorCode> wholeFailure) {
        List<ItemResult> results = invocation.results();
        int ok = (int) results.stream().filter(ItemResult::isOk).count();
        Summary summary = new Summary(ok, results.size() - ok, lanes.reconnects(), lanes.throttleInterval().toMillis(),
                invocation.elapsedMillis());
        trace.finished(summary, wholeFailure);
        // The fields cost a key hash and a Vert.x context per invocation: only for a line that is written.
        if (Log.isDebugEnabled()) {
            try (var fields = trace.logFields()) {
                Log.debugf("Invocation of %s settled: %d ok, %d failed, %d reconnects, %d ms%s", invocation.request().app(), summary.ok(),
                        summary.failed(), summary.reconnects(), summary.durationMs(), wholeFailure.map(code -> ", failed as " + code).orElse(""));
            }
        }
        return summary;
    }

    /**
     * When the invocation as a whole failed: a rate limit outlasted the deadline (even if some inputs got
     * through), or no input got through and all that were sent failed for one invocation-level reason.
     */
    static Optional<ErrorCode> wholeFailure(List<ItemResult> results) {
        List<ErrorCode> codes = results.stream().filter(result -> !result.isOk()).map(result -> result.error().code())
                .toList();
        if (codes.contains(ErrorCode.RATE_LIMITED)) {
            return Optional.of(ErrorCode.RATE_LIMITED);
        }
        if (codes.size() < results.size()) {
            return Optional.empty();
        }
        Set<ErrorCode> sent = EnumSet.noneOf(ErrorCode.class);
        codes.stream().filter(code -> code != ErrorCode.INVALID_INPUT).forEach(sent::add);
        return sent.size() == 1 && INVOCATION_FAILURES.containsAll(sent) ? sent.stream().findFirst() : Optional.empty();
    }
}
