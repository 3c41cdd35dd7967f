package io.realtimegateway.client;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.realtimegateway.protocol.AppId;
import io.realtimegateway.resilience.UpstreamGuards;

/** The fault tolerance a link runs its socket sessions through: {@link UpstreamGuards} in production, a fake in unit tests. */
interface SessionGuards {

    /**
     * Runs attempts (one socket's life each) until one ends cleanly; fails with a {@code RealtimeException} saying why not.
     *
     * @param path the app's endpoint path, or null for its default
     */
    CompletionStage<Void> run(AppId app, String path, Supplier<CompletionStage<Void>> attempt);

    /** Lets the app's breaker judge one connection attempt until it proves itself; fails at once while the breaker is open. */
    CompletionStage<Void> judge(AppId app, Supplier<CompletionStage<Void>> connection);

    static SessionGuards of(UpstreamGuards guards) {
        return new SessionGuards() {
            @Override
            public CompletionStage<Void> run(AppId app, String path, Supplier<CompletionStage<Void>> attempt) {
                return guards.run(app, path, attempt);
            }

            @Override
            public CompletionStage<Void> judge(AppId app, Supplier<CompletionStage<Void>> connection) {
                return guards.judge(app, connection);
            }
        };
    }
}
