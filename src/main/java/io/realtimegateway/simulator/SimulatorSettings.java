package io.realtimegateway.simulator;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import io.realtimegateway.config.SimulatorConfig;
import io.realtimegateway.config.SimulatorConfig.ResultFormat;

/**
 * Everything the embedded upstream plays, as one immutable value: how it behaves and the faults it plays, as real
 * upstreams and networks do (dropped and 1011-closed connections, refused or hanging upgrades, silent sessions,
 * malformed frames, rate limits, slow or failing tokens). It starts from configuration ({@code gateway.simulator.*});
 * tests and demos swap in changed copies while it runs ({@link Simulator#update}), and each decision reads one
 * snapshot, so no decision ever sees half a change. Each method taking a value returns a copy with it changed.
 *
 * @param faultsApp play the connection and session faults for this app id only; null: for all apps
 * @param dropAfterResults drop the connection after this many results in a session (0: never)
 * @param dropCloseCode how to drop: 0 cuts the TCP connection without a close frame, otherwise this close code
 * @param refuseUpgradeStatus refuse WebSocket upgrades with this HTTP status (0: accept)
 * @param silentAfterResults answer this many inputs per session, then accept and never answer (-1: answer all)
 * @param malformedEvery send a malformed frame instead of every n-th result (0: never)
 * @param rateLimitMinInterval refuse an input arriving sooner than this after the last accepted one
 * @param tokenFailureStatus the token endpoint answers with this status (0: works)
 * @param refuseTokens real-time sessions refuse every token (answering {@code Unauthorized}), as with a revoked key
 */
public record SimulatorSettings(Duration sessionTimeout, int defaultMaxBuffering, ResultFormat resultFormat, Latency latency,
        boolean refuseTokens, String faultsApp, int dropAfterResults, double dropProbability, int dropCloseCode, int refuseUpgradeStatus,
        boolean hangUpgrade, int silentAfterResults, int malformedEvery, Duration rateLimitMinInterval, Duration tokenDelay,
        int tokenFailureStatus) {

    /** Simulated inference time: {@code base + steps * perStep + megapixels * perMegapixel}. */
    public record Latency(Duration base, Duration perStep, Duration perMegapixel) {

        public static final Latency ZERO = new Latency(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    static SimulatorSettings from(SimulatorConfig config) {
        SimulatorConfig.Faults faults = config.faults();
        return new SimulatorSettings(config.sessionTimeout(), config.defaultMaxBuffering(), config.resultFormat(),
                new Latency(config.latency().base(), config.latency().perStep(), config.latency().perMegapixel()), false,
                faults.app().orElse(null), faults.dropAfterResults(), faults.dropProbability(), faults.dropCloseCode(),
                faults.refuseUpgradeStatus(), faults.hangUpgrade(), faults.silentAfterResults(), faults.malformedEvery(),
                faults.rateLimitMinInterval(), faults.tokenDelay(), faults.tokenFailureStatus());
    }

    // ---- what the simulator asks ----

    /** Whether the connection and session faults are played for this app. */
    boolean appliesTo(String appId) {
        return faultsApp == null || faultsApp.equals(appId);
    }

    /** Whether the session should drop now, having sent this many results (before sending the next). */
    boolean dropBeforeResult(int resultsSent) {
        return (dropAfterResults > 0 && resultsSent >= dropAfterResults)
                || (dropProbability > 0 && ThreadLocalRandom.current().nextDouble() < dropProbability);
    }

    boolean silentAfter(int resultsSent) {
        return silentAfterResults >= 0 && resultsSent >= silentAfterResults;
    }

    boolean malformed(int resultNumber) {
        return malformedEvery > 0 && resultNumber % malformedEvery == 0;
    }

    // ---- changed copies, for tests and demos ----

    public SimulatorSettings sessionTimeout(Duration timeout) {
        return with(draft -> draft.sessionTimeout = timeout);
    }

    public SimulatorSettings resultFormat(ResultFormat format) {
        return with(draft -> draft.resultFormat = format);
    }

    public SimulatorSettings latency(Latency modelLatency) {
        return with(draft -> draft.latency = modelLatency);
    }

    public SimulatorSettings refuseTokens(boolean refuse) {
        return with(draft -> draft.refuseTokens = refuse);
    }

    /** Play the connection and session faults for this app only (null: all apps). */
    public SimulatorSettings onlyFor(String appId) {
        return with(draft -> draft.faultsApp = appId);
    }

    public SimulatorSettings dropAfterResults(int results, int closeCode) {
        return with(draft -> {
            draft.dropAfterResults = results;
            draft.dropCloseCode = closeCode;
        });
    }

    public SimulatorSettings dropProbability(double probability) {
        return with(draft -> draft.dropProbability = probability);
    }

    public SimulatorSettings refuseUpgrades(int status) {
        return with(draft -> draft.refuseUpgradeStatus = status);
    }

    public SimulatorSettings hangUpgrades(boolean hang) {
        return with(draft -> draft.hangUpgrade = hang);
    }

    public SimulatorSettings silentAfterResults(int results) {
        return with(draft -> draft.silentAfterResults = results);
    }

    public SimulatorSettings malformedEvery(int results) {
        return with(draft -> draft.malformedEvery = results);
    }

    public SimulatorSettings rateLimitMinInterval(Duration interval) {
        return with(draft -> draft.rateLimitMinInterval = interval);
    }

    public SimulatorSettings tokenDelay(Duration delay) {
        return with(draft -> draft.tokenDelay = delay);
    }

    public SimulatorSettings tokenFailureStatus(int status) {
        return with(draft -> draft.tokenFailureStatus = status);
    }

    private SimulatorSettings with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.settings();
    }

    /** A mutable copy that lives only inside {@link #with}: named fields, so no change lands in the wrong place. */
    private static final class Draft {
        Duration sessionTimeout;
        int defaultMaxBuffering;
        ResultFormat resultFormat;
        Latency latency;
        boolean refuseTokens;
        String faultsApp;
        int dropAfterResults;
        double dropProbability;
        int dropCloseCode;
        int refuseUpgradeStatus;
        boolean hangUpgrade;
        int silentAfterResults;
        int malformedEvery;
        Duration rateLimitMinInterval;
        Duration tokenDelay;
        int tokenFailureStatus;

        Draft(SimulatorSettings from) {
            sessionTimeout = from.sessionTimeout;
            defaultMaxBuffering = from.defaultMaxBuffering;
            resultFormat = from.resultFormat;
            latency = from.latency;
            refuseTokens = from.refuseTokens;
            faultsApp = from.faultsApp;
            dropAfterResults = from.dropAfterResults;
            dropProbability = from.dropProbability;
            dropCloseCode = from.dropCloseCode;
            refuseUpgradeStatus = from.refuseUpgradeStatus;
            hangUpgrade = from.hangUpgrade;
            silentAfterResults = from.silentAfterResults;
            malformedEvery = from.malformedEvery;
            rateLimitMinInterval = from.rateLimitMinInterval;
            tokenDelay = from.tokenDelay;
            tokenFailureStatus = from.tokenFailureStatus;
        }

        SimulatorSettings settings() {
            return new SimulatorSettings(sessionTimeout, defaultMaxBuffering, resultFormat, latency, refuseTokens, faultsApp, dropAfterResults,
                    dropProbability, dropCloseCode, refuseUpgradeStatus, hangUpgrade, silentAfterResults, malformedEvery, rateLimitMinInterval,
                    tokenDelay, tokenFailureStatus);
        }
    }
}
