package io.realtimegateway.simulator;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.realtimegateway.config.SimulatorConfig;

/**
 * The faults the simulator plays, as real upstreams and networks do: dropped and 1011-closed connections,
 * refused or hanging upgrades, silent sessions, malformed frames, rate limits, slow or failing tokens. They
 * start from configuration ({@code gateway.simulator.faults.*}); tests switch them while it runs.
 */
public final class SimulatorFaults {

    private final SimulatorConfig.Faults config;
    private volatile String app;
    private volatile int dropAfterResults;
    private volatile double dropProbability;
    private volatile int dropCloseCode;
    private volatile int refuseUpgradeStatus;
    private volatile boolean hangUpgrade;
    private volatile int silentAfterResults;
    private volatile int malformedEvery;
    private volatile Duration rateLimitMinInterval;
    private volatile Duration tokenDelay;
    private volatile int tokenFailureStatus;

    SimulatorFaults(SimulatorConfig.Faults config) {
        this.config = config;
        reset();
    }

    /** Back to what configuration says. */
    public void reset() {
        app = config.app().orElse(null);
        dropAfterResults = config.dropAfterResults();
        dropProbability = config.dropProbability();
        dropCloseCode = config.dropCloseCode();
        refuseUpgradeStatus = config.refuseUpgradeStatus();
        hangUpgrade = config.hangUpgrade();
        silentAfterResults = config.silentAfterResults();
        malformedEvery = config.malformedEvery();
        rateLimitMinInterval = config.rateLimitMinInterval();
        tokenDelay = config.tokenDelay();
        tokenFailureStatus = config.tokenFailureStatus();
    }

    /** Play the faults for this app only (null: all apps). */
    public SimulatorFaults onlyFor(String app) {
        this.app = app;
        return this;
    }

    public SimulatorFaults dropAfterResults(int results, int closeCode) {
        this.dropAfterResults = results;
        this.dropCloseCode = closeCode;
        return this;
    }

    public SimulatorFaults dropProbability(double probability) {
        this.dropProbability = probability;
        return this;
    }

    public SimulatorFaults refuseUpgrades(int status) {
        this.refuseUpgradeStatus = status;
        return this;
    }

    public SimulatorFaults hangUpgrades(boolean hang) {
        this.hangUpgrade = hang;
        return this;
    }

    public SimulatorFaults silentAfterResults(int results) {
        this.silentAfterResults = results;
        return this;
    }

    public SimulatorFaults malformedEvery(int results) {
        this.malformedEvery = results;
        return this;
    }

    public SimulatorFaults rateLimitMinInterval(Duration interval) {
        this.rateLimitMinInterval = interval;
        return this;
    }

    public SimulatorFaults tokenDelay(Duration delay) {
        this.tokenDelay = delay;
        return this;
    }

    public SimulatorFaults tokenFailureStatus(int status) {
        this.tokenFailureStatus = status;
        return this;
    }

    boolean appliesTo(String appId) {
        String only = app;
        return only == null || only.equals(appId);
    }

    /** Whether the session should drop now, having sent this many results (before sending the next). */
    boolean dropBeforeResult(int resultsSent) {
        return (dropAfterResults > 0 && resultsSent >= dropAfterResults)
                || (dropProbability > 0 && ThreadLocalRandom.current().nextDouble() < dropProbability);
    }

    int dropCloseCode() {
        return dropCloseCode;
    }

    int refuseUpgradeStatus() {
        return refuseUpgradeStatus;
    }

    boolean hangUpgrade() {
        return hangUpgrade;
    }

    boolean silentAfter(int resultsSent) {
        return silentAfterResults >= 0 && resultsSent >= silentAfterResults;
    }

    boolean malformed(int resultNumber) {
        return malformedEvery > 0 && resultNumber % malformedEvery == 0;
    }

    Duration rateLimitMinInterval() {
        return rateLimitMinInterval;
    }

    Duration tokenDelay() {
        return tokenDelay;
    }

    int tokenFailureStatus() {
        return tokenFailureStatus;
    }
}
