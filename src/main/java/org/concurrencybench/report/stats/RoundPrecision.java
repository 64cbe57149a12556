package org.concurrencybench.report.stats;

import java.util.Collection;

/**
 * How precisely a cell's mean is known after some rounds: the Student-t half-width of the mean of
 * its per-round means, relative to that mean. Rounds (one JMH fork each) are the independent
 * samples; iterations inside a fork are not, so they are averaged first. The sweep's stopping
 * rule ({@code --precision}) compares this with its target; the report names the cells that did
 * not reach it.
 */
public final class RoundPrecision {

    private RoundPrecision() {
    }

    /**
     * The relative half-width at {@code level} of the mean of {@code roundMeans}; infinite with
     * fewer than two rounds (nothing known yet), NaN for a non-positive mean.
     */
    public static double relativeHalfWidth(Collection<Double> roundMeans, double level) {
        int n = roundMeans.size();
        if (n < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double mean = roundMeans.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (!(mean > 0)) {
            return Double.NaN;
        }
        double squares = roundMeans.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return SampleStats.tQuantile(level, n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n) / mean;
    }
}
