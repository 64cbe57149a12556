package org.concurrencybench.report.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A ratio of two cells of one run, paired by round (a speedup: SEQUENTIAL's time over a model's;
 * the GIL's cost: GLOBAL_LOCK's over FIXED_POOL's). A sweep in rounds measures every cell once per
 * round, so whatever the machine did during a round (another tenant, a frequency change) is in
 * both cells of that round. Taking the ratio of the two cells' means in each round first cancels
 * it; the estimate is the geometric mean of those per-round ratios and its interval a Student-t
 * interval on their logarithms (a ratio's natural scale: 0.5 and 2 lie equally far from 1). Drift
 * then widens nothing and biases nothing, where the unpaired {@link RatioEstimate} of two pooled
 * means carries it whole. Only rounds both cells have count.
 */
public final class PairedRatio {

    private PairedRatio() {
    }

    /**
     * {@code numerator / denominator}, round by round.
     *
     * @param numerator   the numerator cell's mean per round (round number to mean)
     * @param denominator the denominator cell's mean per round
     * @param level       the interval's confidence level, e.g. 0.95
     */
    public static RatioEstimate of(Map<Integer, Double> numerator, Map<Integer, Double> denominator, double level) {
        double[] logs = logRatios(numerator, denominator);
        int n = logs.length;
        if (n == 0) {
            return RatioEstimate.ABSENT;
        }
        double mean = 0;
        for (double value : logs) {
            mean += value;
        }
        mean /= n;
        if (n < 2) {
            return new RatioEstimate(Math.exp(mean), Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double value : logs) {
            squares += (value - mean) * (value - mean);
        }
        double halfWidth = SampleStats.tQuantile(level, n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        return new RatioEstimate(Math.exp(mean), Math.exp(mean - halfWidth), Math.exp(mean + halfWidth));
    }

    /** The per-round ratios, in round order, of the rounds both cells have (finite and positive only). */
    public static List<Double> ratios(Map<Integer, Double> numerator, Map<Integer, Double> denominator) {
        List<Double> ratios = new ArrayList<>();
        for (double log : logRatios(numerator, denominator)) {
            ratios.add(Math.exp(log));
        }
        return ratios;
    }

    private static double[] logRatios(Map<Integer, Double> numerator, Map<Integer, Double> denominator) {
        SortedMap<Integer, Double> rounds = new TreeMap<>(numerator);
        List<Double> logs = new ArrayList<>();
        rounds.forEach((round, top) -> {
            Double bottom = denominator.get(round);
            if (bottom != null && top != null && top > 0 && bottom > 0 && Double.isFinite(top) && Double.isFinite(bottom)) {
                logs.add(Math.log(top / bottom));
            }
        });
        return logs.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
