package org.concurrencybench.report.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The mean of a cell's raw iteration values with a two-sided Student-t confidence interval. All
 * iterations of all forks are pooled as one sample, as JMH itself does for its score error; with
 * fewer than two values there is no interval (NaN bounds).
 *
 * @param n        number of raw values
 * @param mean     their mean
 * @param stdDev   sample standard deviation (n - 1 denominator)
 * @param low      lower bound of the interval
 * @param high     upper bound of the interval
 * @param level    the interval's confidence level, e.g. 0.95
 * @param samples  the values themselves, all forks pooled
 * @param forks    the same values by JMH fork ({@code [fork][iteration]}): forks are the independent
 *                 units a comparison of two runs resamples and tests (see {@code RunComparison})
 * @param roundMeans the mean of each round's fork by round number, for a run made in rounds (empty
 *                 otherwise): cells of one run are compared round by round ({@link PairedRatio})
 */
public record SampleStats(int n, double mean, double stdDev, double low, double high, double level,
        double[] samples, double[][] forks, java.util.Map<Integer, Double> roundMeans) {

    public SampleStats {
        roundMeans = roundMeans == null ? java.util.Map.of() : java.util.Map.copyOf(roundMeans);
    }

    /** Stats of values whose fork structure is unknown: they count as one fork. */
    public static SampleStats of(double[] samples, double level) {
        return of(new double[][] {samples}, level);
    }

    /** Stats of iteration values by fork, {@code [fork][iteration]}; the interval pools every value. */
    public static SampleStats of(double[][] forks, double level) {
        double[] samples = java.util.Arrays.stream(forks).flatMapToDouble(java.util.Arrays::stream).toArray();
        double[][] nonEmpty = java.util.Arrays.stream(forks).filter(fork -> fork.length > 0)
                .map(double[]::clone).toArray(double[][]::new);
        SummaryStatistics summary = new SummaryStatistics();
        for (double value : samples) {
            summary.addValue(value);
        }
        int n = samples.length;
        double mean = n == 0 ? Double.NaN : summary.getMean();
        if (n < 2) {
            return new SampleStats(n, mean, Double.NaN, Double.NaN, Double.NaN, level, samples, nonEmpty, null);
        }
        double sd = summary.getStandardDeviation();
        double halfWidth = tQuantile(level, n - 1) * sd / Math.sqrt(n);
        return new SampleStats(n, mean, sd, mean - halfWidth, mean + halfWidth, level, samples, nonEmpty, null);
    }

    /** The same statistics, with the mean of each round (a run in rounds). */
    public SampleStats withRoundMeans(java.util.Map<Integer, Double> means) {
        return new SampleStats(n, mean, stdDev, low, high, level, samples, forks, means);
    }

    /** The two-sided Student-t critical value for {@code level} with {@code degreesOfFreedom}. */
    static double tQuantile(double level, double degreesOfFreedom) {
        return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(0.5 + level / 2);
    }

    /** Half the interval's width; NaN when there is no interval. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    public boolean hasInterval() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** By value, the samples included: a record's own equality would compare the arrays by identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SampleStats s && n == s.n && Double.compare(mean, s.mean) == 0
                && Double.compare(stdDev, s.stdDev) == 0 && Double.compare(low, s.low) == 0
                && Double.compare(high, s.high) == 0 && Double.compare(level, s.level) == 0
                && java.util.Arrays.equals(samples, s.samples) && java.util.Arrays.deepEquals(forks, s.forks)
                && roundMeans.equals(s.roundMeans);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(n, mean, stdDev, low, high, level, java.util.Arrays.hashCode(samples),
                java.util.Arrays.deepHashCode(forks), roundMeans);
    }

    @Override
    public String toString() {
        return "SampleStats[n=" + n + ", mean=" + mean + ", low=" + low + ", high=" + high + ", level=" + level
                + ", forks=" + java.util.Arrays.deepToString(forks) + "]";
    }
}
