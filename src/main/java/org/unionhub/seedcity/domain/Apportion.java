package org.unionhub.seedcity.domain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits a whole number into parts proportional to weights so that the parts add up to it exactly (the largest
 * remainder method: every part gets the whole of its share, the rest goes one by one to the largest fractions, ties to
 * the lower index). Deterministic, so a plan built twice from the same weights is the same plan.
 */
public final class Apportion {

    private Apportion() {
    }

    /** Parts of {@code total} proportional to {@code weights} (zero weights get nothing). */
    public static int[] of(long total, double[] weights) {
        return within(total, weights, null);
    }

    /**
     * As {@link #of}, with no part above its cap: a part that would exceed its cap gets the cap and the rest is shared
     * among the others.
     *
     * @throws IllegalArgumentException when the caps (of parts with a weight) cannot hold the total
     */
    public static int[] within(long total, double[] weights, int[] caps) {
        if (total < 0) {
            throw new IllegalArgumentException("Cannot apportion a negative total " + total);
        }
        int n = weights.length;
        int[] parts = new int[n];
        boolean[] capped = new boolean[n];
        long left = total;
        while (left > 0) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (!capped[i] && weights[i] > 0) {
                    sum += weights[i];
                }
            }
            if (sum <= 0) {
                throw new IllegalArgumentException("No room left for " + left + " among the weights and caps");
            }
            int[] share = shares(left, weights, capped, sum);
            boolean overflow = false;
            for (int i = 0; i < n; i++) {
                if (caps != null && !capped[i] && parts[i] + share[i] > caps[i]) {
                    overflow = true;
                }
            }
            if (!overflow) {
                for (int i = 0; i < n; i++) {
                    parts[i] += share[i];
                }
                return parts;
            }
            for (int i = 0; i < n; i++) {
                if (!capped[i] && parts[i] + share[i] >= caps[i]) {
                    left -= caps[i] - parts[i];
                    parts[i] = caps[i];
                    capped[i] = true;
                }
            }
        }
        return parts;
    }

    private static int[] shares(long total, double[] weights, boolean[] excluded, double sum) {
        int n = weights.length;
        int[] share = new int[n];
        double[] fraction = new double[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            if (excluded[i] || weights[i] <= 0) {
                fraction[i] = -1;
                continue;
            }
            double exact = total * (weights[i] / sum);
            share[i] = (int) Math.floor(exact);
            fraction[i] = exact - share[i];
            given += share[i];
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -fraction[i]).thenComparingInt(i -> i));
        for (int k = 0; given < total; k++) {
            int i = order[k % n];
            if (fraction[i] >= 0) {
                share[i]++;
                given++;
            }
        }
        return share;
    }
}
