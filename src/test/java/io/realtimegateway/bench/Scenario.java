package io.realtimegateway.bench;

/**
 * One row of the benchmark table: a baseline and ours, measured in the same run, and the target they are held to.
 *
 * @param ratio ours against the baseline, as the target reads it
 * @param notes further figures (CPU, memory) in words
 */
record Scenario(String id, String title, String baselineLabel, Figures baseline, String oursLabel, Figures ours, double ratio,
        String target, boolean met, String notes) {
}
