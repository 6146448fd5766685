package org.unionhub.bench;

import java.util.Arrays;

/** Latencies of one measurement, kept whole (a plain growable array) so that percentiles are exact. */
final class Latencies {

    private long[] nanos = new long[4096];
    private int count;

    void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
    }

    int count() {
        return count;
    }

    /** The given quantiles (nearest rank; 1.0 is the maximum) in µs; 0 for each when nothing was recorded. */
    double[] quantilesMicros(double... quantiles) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double[] micros = new double[quantiles.length];
        for (int i = 0; i < quantiles.length && count > 0; i++) {
            micros[i] = micros(sorted, quantiles[i]);
        }
        return micros;
    }

    /** Median, 95th and 99th percentiles (nearest rank) and throughput over {@code seconds} of measurement. */
    Summary summary(double seconds) {
        if (count == 0) {
            throw new IllegalStateException("No latencies recorded");
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, micros(sorted, 0.50), micros(sorted, 0.95), micros(sorted, 0.99), count / seconds);
    }

    private static double micros(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1_000.0;
    }

    /** What a table row shows of a measurement. */
    record Summary(int count, double medianMicros, double p95Micros, double p99Micros, double opsPerSecond) {
    }
}
