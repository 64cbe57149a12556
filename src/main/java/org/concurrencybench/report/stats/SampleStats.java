package org.concurrencybench.report.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The mean of a cell's raw iteration values with a two-sided Student-t confidence interval over its
 * independent units: its rounds (one JMH fork each) in a run made in rounds, else its forks.
 * Iterations inside a fork are not independent (they share the fork's JIT, heap and moment), so
 * they are averaged first and never count as replicates. The interval is taken on the log scale,
 * {@code exp(mean(log m) +- t sd(log m) / sqrt(k))} over the k unit means m, so that neither bound
 * can be at or below zero; with fewer than two units there is no interval (NaN bounds): a one-round
 * run ranks, it does not estimate.
 *
 * @param n        number of raw values
 * @param mean     their mean
 * @param stdDev   sample standard deviation (n - 1 denominator)
 * @param low      lower bound of the interval over the units (rounds, else forks)
 * @param high     upper bound of the interval over the units
 * @param level    the interval's confidence level, e.g. 0.95
 * @param samples  the values themselves, all forks pooled (an immutable list: the record compares by value)
 * @param forks    the same values by JMH fork ({@code [fork][iteration]}): forks are the independent
 *                 units a comparison of two runs resamples and tests (see {@code RunComparison})
 * @param roundMeans the mean of each round's fork by round number, for a run made in rounds (empty
 *                 otherwise): cells of one run are compared round by round ({@link PairedRatio})
 * @param forkRounds the round of each of {@code forks}, one to one (empty when not known): what
 *                 {@link #onRounds} keeps
 */
public record SampleStats(int n, double mean, double stdDev, double low, double high, double level,
        java.util.List<Double> samples, java.util.List<java.util.List<Double>> forks,
        java.util.Map<Integer, Double> roundMeans, java.util.List<Integer> forkRounds) {

    public SampleStats {
        samples = samples == null ? java.util.List.of() : java.util.List.copyOf(samples);
        forks = forks == null ? java.util.List.of() : forks.stream().map(java.util.List::copyOf).toList();
        roundMeans = roundMeans == null ? java.util.Map.of() : java.util.Map.copyOf(roundMeans);
        forkRounds = forkRounds == null ? java.util.List.of() : java.util.List.copyOf(forkRounds);
    }

    /** Stats of values whose fork structure is unknown: they count as one fork. */
    public static SampleStats of(double[] samples, double level) {
        return of(new double[][] {samples}, level);
    }

    /** Stats of iteration values by fork, {@code [fork][iteration]}; the interval is over the forks' means. */
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
        double sd = n < 2 ? Double.NaN : summary.getStandardDeviation();
        double[] interval = logInterval(forkMeans(nonEmpty), level);
        return new SampleStats(n, mean, sd, interval[0], interval[1], level, list(samples),
                java.util.Arrays.stream(nonEmpty).map(SampleStats::list).toList(), null, null);
    }

    /**
     * Stats of iteration values by fork from a run made in rounds: {@code roundOfEachFork} names the
     * round of each fork, one to one; the interval is over the round means (the mean of each round's
     * finite values). Without rounds that match the forks, {@link #of(double[][], double)}.
     */
    public static SampleStats of(double[][] forks, java.util.List<Integer> roundOfEachFork, double level) {
        if (roundOfEachFork == null || roundOfEachFork.size() != forks.length) {
            return of(forks, level);
        }
        java.util.List<double[]> kept = new java.util.ArrayList<>();
        java.util.List<Integer> rounds = new java.util.ArrayList<>();
        java.util.Map<Integer, double[]> sums = new java.util.TreeMap<>();
        for (int i = 0; i < forks.length; i++) {
            if (forks[i].length == 0) {
                continue;
            }
            kept.add(forks[i]);
            rounds.add(roundOfEachFork.get(i));
            double[] sum = sums.computeIfAbsent(roundOfEachFork.get(i), r -> new double[2]);
            for (double value : forks[i]) {
                if (Double.isFinite(value)) {
                    sum[0] += value;
                    sum[1]++;
                }
            }
        }
        java.util.Map<Integer, Double> means = new java.util.TreeMap<>();
        sums.forEach((round, sum) -> {
            if (sum[1] > 0) {
                means.put(round, sum[0] / sum[1]);
            }
        });
        SampleStats pooled = of(kept.toArray(double[][]::new), level).withRoundMeans(means);
        return new SampleStats(pooled.n, pooled.mean, pooled.stdDev, pooled.low, pooled.high, level, pooled.samples,
                pooled.forks, means, rounds);
    }

    /**
     * The same cell on {@code rounds} only (its forks of other rounds dropped, every statistic
     * recomputed), so that a ratio to another cell and the times printed beside it rest on the same
     * rounds ({@link SharedRounds}). Unchanged when {@code rounds} is empty or holds every round the
     * cell ran. Stats that know their round means but not which fork ran in which round
     * ({@link #withRoundMeans}) keep the chosen rounds' means as their values, one per round.
     */
    public SampleStats onRounds(java.util.Set<Integer> rounds) {
        if (rounds.isEmpty() || roundMeans.isEmpty() || rounds.containsAll(roundMeans.keySet())) {
            return this;
        }
        if (forkRounds.size() == forks.size()) {
            java.util.List<double[]> kept = new java.util.ArrayList<>();
            java.util.List<Integer> keptRounds = new java.util.ArrayList<>();
            for (int i = 0; i < forks.size(); i++) {
                if (rounds.contains(forkRounds.get(i))) {
                    kept.add(array(forks.get(i)));
                    keptRounds.add(forkRounds.get(i));
                }
            }
            return of(kept.toArray(double[][]::new), keptRounds, level);
        }
        java.util.Map<Integer, Double> means = new java.util.TreeMap<>(roundMeans);
        means.keySet().retainAll(rounds);
        double[][] perRound = means.values().stream().map(m -> new double[] {m}).toArray(double[][]::new);
        return of(perRound, java.util.List.copyOf(means.keySet()), level);
    }

    /**
     * The same statistics with the mean of each round (a run in rounds): the interval is then over
     * the round means; without any, it stays over the forks.
     */
    public SampleStats withRoundMeans(java.util.Map<Integer, Double> means) {
        if (means == null || means.isEmpty()) {
            return new SampleStats(n, mean, stdDev, low, high, level, samples, forks, means, null);
        }
        double[] interval = logInterval(means.values().stream().mapToDouble(Double::doubleValue).toArray(), level);
        return new SampleStats(n, mean, stdDev, interval[0], interval[1], level, samples, forks, means, null);
    }

    /** The means of the independent units: one per round in a run made in rounds, else one per fork. */
    public double[] unitMeans() {
        return roundMeans.isEmpty() ? forkMeans(forks.stream().map(SampleStats::array).toArray(double[][]::new))
                : new java.util.TreeMap<>(roundMeans).values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** How many independent units (rounds, else forks) the interval rests on. */
    public int units() {
        return unitMeans().length;
    }

    private static double[] forkMeans(double[][] forks) {
        return java.util.Arrays.stream(forks).mapToDouble(fork -> java.util.Arrays.stream(fork)
                .filter(Double::isFinite).average().orElse(Double.NaN)).filter(Double::isFinite).toArray();
    }

    /**
     * {@code [low, high]} of the t interval of positive {@code means} on the log scale; NaN bounds
     * with fewer than two, or with a mean at or below zero (a log has none to give).
     */
    static double[] logInterval(double[] means, double level) {
        int k = means.length;
        if (k < 2 || java.util.Arrays.stream(means).anyMatch(m -> !(m > 0))) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] logs = java.util.Arrays.stream(means).map(Math::log).toArray();
        double centre = java.util.Arrays.stream(logs).average().orElseThrow();
        double squares = java.util.Arrays.stream(logs).map(l -> (l - centre) * (l - centre)).sum();
        double halfWidth = tQuantile(level, k - 1) * Math.sqrt(squares / (k - 1)) / Math.sqrt(k);
        return new double[] {Math.exp(centre - halfWidth), Math.exp(centre + halfWidth)};
    }

    /** The variance of the mean of the units' logs ({@code var(log m) / k}); NaN with fewer than two units. */
    public double logVarianceOfMean() {
        double[] means = unitMeans();
        int k = means.length;
        if (k < 2 || java.util.Arrays.stream(means).anyMatch(m -> !(m > 0))) {
            return Double.NaN;
        }
        double[] logs = java.util.Arrays.stream(means).map(Math::log).toArray();
        double centre = java.util.Arrays.stream(logs).average().orElseThrow();
        return java.util.Arrays.stream(logs).map(l -> (l - centre) * (l - centre)).sum() / (k - 1) / k;
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

    private static java.util.List<Double> list(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private static double[] array(java.util.List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
