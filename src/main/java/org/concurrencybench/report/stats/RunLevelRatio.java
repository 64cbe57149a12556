package org.concurrencybench.report.stats;

import java.util.List;

/**
 * The ratio of one cell's time on side B to side A, where a side is one or more runs, each of one or
 * more rounds (JMH forks), with the run level counted. Noise lives at three levels: iterations
 * inside a round, rounds inside a run, and runs (another hour, another boot). The replicates are
 * never iterations: a run's value is the mean of the logarithms of its round means, whose variance
 * from round to round is known from the run itself ({@code w}); a side's value is the mean of its
 * runs' values. What a run cannot show is how far a whole run lies from another run of the same
 * settings: the run-level variance {@code sigma^2}, the same for every run. The log ratio's
 * variance is then {@code sum over sides of (sigma^2 + mean w) / k} ({@code k} runs a side): with
 * one run a side, {@code w_A + w_B + 2 sigma^2}.
 *
 * <p>{@code sigma^2} is either known (a stated term, no degrees of freedom of its own) or measured
 * from sides of several runs by {@link #pooledRunVariance}: the spread of run values around their
 * side's mean, less what the rounds inside the runs explain, pooled over every cell and side so
 * that the Student-t has useful degrees of freedom. Degrees of freedom of the sum by
 * Welch-Satterthwaite.
 */
public final class RunLevelRatio {

    private RunLevelRatio() {
    }

    /** One run's part of a side: the mean of its log round means and that mean's variance (NaN with one round). */
    record RunValue(double logMean, double variance, int rounds) {

        static RunValue of(double[] roundMeans) {
            int n = roundMeans.length;
            double sum = 0;
            for (double value : roundMeans) {
                sum += Math.log(value);
            }
            double mean = sum / n;
            if (n < 2) {
                return new RunValue(mean, Double.NaN, n);
            }
            double squares = 0;
            for (double value : roundMeans) {
                squares += (Math.log(value) - mean) * (Math.log(value) - mean);
            }
            return new RunValue(mean, squares / (n - 1) / n, n);
        }
    }

    /**
     * A variance of the run level (of a log time) and its degrees of freedom: infinite for a stated
     * term, the pooled count for a measured one.
     */
    public record RunVariance(double variance, double df) {

        /** A stated run-level standard deviation (a fraction: 0.007 = 0.7%). */
        public static RunVariance stated(double sd) {
            return new RunVariance(sd * sd, Double.POSITIVE_INFINITY);
        }

        /** The standard deviation, on the log scale (about a fraction). */
        public double sd() {
            return Math.sqrt(variance);
        }

        public boolean measured() {
            return Double.isFinite(df);
        }
    }

    /** The log ratio B/A, its variance and degrees of freedom; variance NaN where there is no interval. */
    public record Estimate(double logRatio, double variance, double df) {

        public static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN);

        public double ratio() {
            return Math.exp(logRatio);
        }

        /** The standard error of the log ratio. */
        public double standardError() {
            return Math.sqrt(variance);
        }

        public boolean hasInterval() {
            return Double.isFinite(logRatio) && Double.isFinite(variance) && df > 0;
        }

        /** The ratio with its two-sided Student-t interval at {@code level}; the bounds are exponentials, never at or below 0. */
        public RatioEstimate interval(double level) {
            if (!Double.isFinite(logRatio)) {
                return RatioEstimate.ABSENT;
            }
            if (!hasInterval()) {
                return new RatioEstimate(ratio(), Double.NaN, Double.NaN);
            }
            double halfWidth = SampleStats.tQuantile(level, Math.min(df, 1e9)) * standardError();
            return new RatioEstimate(ratio(), Math.exp(logRatio - halfWidth), Math.exp(logRatio + halfWidth));
        }
    }

    /**
     * B over A for one cell.
     *
     * @param a   A's runs, each its round (fork) means, all positive
     * @param b   B's, likewise
     * @param run the run-level variance, stated or measured
     */
    public static Estimate of(List<double[]> a, List<double[]> b, RunVariance run) {
        if (a.isEmpty() || b.isEmpty()) {
            return Estimate.NONE;
        }
        List<RunValue> runsA = a.stream().map(RunValue::of).toList();
        List<RunValue> runsB = b.stream().map(RunValue::of).toList();
        double logRatio = meanLog(runsB) - meanLog(runsA);
        double variance = run.variance() * (1.0 / runsA.size() + 1.0 / runsB.size());
        double runTerm = variance;
        double denominator = run.measured() ? runTerm * runTerm / run.df() : 0;
        for (List<RunValue> side : List.of(runsA, runsB)) {
            int k = side.size();
            for (RunValue value : side) {
                if (Double.isNaN(value.variance())) {
                    if (run.measured()) {
                        continue; // one round: its spread is inside the measured run level already
                    }
                    return new Estimate(logRatio, Double.NaN, Double.NaN);
                }
                double part = value.variance() / ((double) k * k);
                variance += part;
                denominator += part * part / (value.rounds() - 1);
            }
        }
        double df = denominator == 0 ? Double.POSITIVE_INFINITY : variance * variance / denominator;
        return variance > 0 ? new Estimate(logRatio, variance, df) : new Estimate(logRatio, Double.NaN, Double.NaN);
    }

    /**
     * The run-level variance measured from sides of several runs: for each side (a cell's runs on one
     * side) of {@code k >= 2} runs, the sum of squares of its run values around their mean, less
     * {@code (k - 1)} times its runs' mean round variance; summed over sides, divided by the summed
     * {@code k - 1}, at least 0. Empty sides and sides of one run add nothing; df 0 when none has two runs.
     *
     * @param sides each a list of runs, each run its round means
     */
    public static RunVariance pooledRunVariance(List<List<double[]>> sides) {
        double excess = 0;
        int df = 0;
        for (List<double[]> side : sides) {
            int k = side.size();
            if (k < 2) {
                continue;
            }
            List<RunValue> values = side.stream().map(RunValue::of).toList();
            double mean = meanLog(values);
            double within = 0;
            for (RunValue value : values) {
                excess += (value.logMean() - mean) * (value.logMean() - mean);
                within += Double.isNaN(value.variance()) ? 0 : value.variance();
            }
            excess -= (k - 1) * within / k;
            df += k - 1;
        }
        return df == 0 ? new RunVariance(Double.NaN, 0) : new RunVariance(Math.max(0, excess / df), df);
    }

    private static double meanLog(List<RunValue> runs) {
        return runs.stream().mapToDouble(RunValue::logMean).average().orElse(Double.NaN);
    }
}
