package io.realtimegateway.bench;

import java.util.Arrays;

/**
 * What one side of a scenario achieved: throughput and round-trip percentiles over its measured iterations.
 *
 * @param unit what the throughput counts, e.g. "inputs/s"
 */
record Figures(double throughput, String unit, double p50Millis, double p99Millis, long count, long errors) {

    /** From per-operation durations in nanoseconds and the wall time of the whole measured run. */
    static Figures of(long[] durationsNanos, long wallNanos, long itemsPerOperation, String unit, long errors) {
        long[] sorted = durationsNanos.clone();
        Arrays.sort(sorted);
        double throughput = sorted.length * itemsPerOperation / (wallNanos / 1e9);
        return new Figures(throughput, unit, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, sorted.length, errors);
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
