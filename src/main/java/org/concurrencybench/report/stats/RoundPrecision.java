package org.concurrencybench.report.stats;

import java.util.Collection;

/**
 * How precisely a cell's mean is known after some rounds: the upper half of the Student-t interval
 * of its per-round means on the log scale, as the report prints it ({@link SampleStats}), relative
 * to the centre: {@code exp(t sd(log m) / sqrt(k)) - 1}. Rounds (one JMH fork each) are the
 * independent samples; iterations inside a fork are not, so they are averaged first. The sweep's
 * stopping rule ({@code --precision}) compares this with its target, for a cell's time and for its
 * speedups ({@link #ofRatio}); the report names the cells that did not reach it.
 */
public final class RoundPrecision {

    private RoundPrecision() {
    }

    /**
     * The relative half-width at {@code level} of the mean of {@code roundMeans}; infinite with
     * fewer than two rounds (nothing known yet), NaN for a non-positive mean.
     */
    public static double relativeHalfWidth(Collection<Double> roundMeans, double level) {
        if (roundMeans.size() < 2) {
            return Double.POSITIVE_INFINITY;
        }
        if (roundMeans.stream().anyMatch(v -> !(v > 0))) {
            return Double.NaN;
        }
        double[] interval = SampleStats.logInterval(roundMeans.stream().mapToDouble(Double::doubleValue).toArray(), level);
        return Math.sqrt(interval[1] / interval[0]) - 1;
    }

    /**
     * The same for a ratio of two cells paired by round ({@link PairedRatio}), e.g. a speedup:
     * infinite with fewer than two common rounds.
     */
    public static double ofRatio(java.util.Map<Integer, Double> numerator, java.util.Map<Integer, Double> denominator,
            double level) {
        RatioEstimate ratio = PairedRatio.of(numerator, denominator, level);
        if (!ratio.hasInterval()) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(ratio.high() / ratio.low()) - 1;
    }
}
