package org.concurrencybench.report.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The ratio of two runs' mean times with a percentile-bootstrap interval that respects how JMH
 * measures: forks are independent JVMs, iterations inside one fork are not (they share its JIT
 * decisions, heap layout and CPU frequency). So one bootstrap replicate resamples the forks of each
 * side with replacement, then the iterations within each chosen fork with replacement (the
 * two-stage bootstrap of Davison and Hinkley, "Bootstrap Methods", 1997, section 3.8), and takes
 * each side's mean as the mean of its fork means. With one fork per side only iterations are
 * resampled and the interval shows within-fork noise alone: narrower than the truth.
 *
 * <p>Deterministic: the random stream is seeded, so the same data give the same interval on every
 * machine and every report.
 */
public final class HierarchicalBootstrap {

    /** Bootstrap replicates per comparison; the Monte Carlo error of a 95% bound is then well under 0.1%. */
    public static final int REPLICATES = 10_000;

    /** The fixed seed of every comparison's random stream (any constant would do; this one is the issue's). */
    public static final long SEED = 10L;

    /** An estimate and its interval. */
    public record Interval(double estimate, double low, double high) {

        /** Half the interval's width relative to the estimate, as a fraction (0.012 = 1.2%). */
        public double relativeHalfWidth() {
            return (high - low) / 2 / estimate;
        }
    }

    /**
     * @param ratio       B's mean over A's
     * @param meanA       A's mean with its own interval
     * @param meanB       B's mean with its own interval
     * @param sdLogRatio  standard deviation of the log of the replicated ratios (the noise a change must beat)
     */
    public record Result(Interval ratio, Interval meanA, Interval meanB, double sdLogRatio) {
    }

    private HierarchicalBootstrap() {
    }

    /** The ratio B/A with {@link #REPLICATES} replicates from {@link #SEED}. */
    public static Result ratioOfMeans(double[][] forksA, double[][] forksB, double level) {
        return ratioOfMeans(forksA, forksB, level, REPLICATES, SEED);
    }

    /**
     * @param forksA A's iteration values as {@code [fork][iteration]}, at least one non-empty fork
     * @param forksB B's, likewise
     * @param level  two-sided confidence level, e.g. 0.95
     */
    public static Result ratioOfMeans(double[][] forksA, double[][] forksB, double level, int replicates, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[replicates];
        double[] meansA = new double[replicates];
        double[] meansB = new double[replicates];
        double sumLog = 0;
        double sumLogSquared = 0;
        for (int r = 0; r < replicates; r++) {
            meansA[r] = resampledMean(forksA, random);
            meansB[r] = resampledMean(forksB, random);
            ratios[r] = meansB[r] / meansA[r];
            double log = Math.log(ratios[r]);
            sumLog += log;
            sumLogSquared += log * log;
        }
        double meanLog = sumLog / replicates;
        double sdLog = Math.sqrt(Math.max(0, (sumLogSquared - replicates * meanLog * meanLog) / (replicates - 1)));
        double a = meanOfForkMeans(forksA);
        double b = meanOfForkMeans(forksB);
        return new Result(percentile(b / a, ratios, level), percentile(a, meansA, level), percentile(b, meansB, level),
                sdLog);
    }

    /** The mean of the forks' means: every fork weighs the same, as the independent unit it is. */
    public static double meanOfForkMeans(double[][] forks) {
        double sum = 0;
        for (double[] fork : forks) {
            sum += mean(fork);
        }
        return sum / forks.length;
    }

    /** Each fork's mean. */
    public static double[] forkMeans(double[][] forks) {
        return Arrays.stream(forks).mapToDouble(HierarchicalBootstrap::mean).toArray();
    }

    private static double resampledMean(double[][] forks, SplittableRandom random) {
        double sum = 0;
        for (int f = 0; f < forks.length; f++) {
            double[] fork = forks[random.nextInt(forks.length)];
            double forkSum = 0;
            for (int i = 0; i < fork.length; i++) {
                forkSum += fork[random.nextInt(fork.length)];
            }
            sum += forkSum / fork.length;
        }
        return sum / forks.length;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** The percentile interval: the replicates' (1-level)/2 and (1+level)/2 quantiles (type-7 interpolation, as numpy's default). */
    private static Interval percentile(double estimate, double[] replicates, double level) {
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        return new Interval(estimate, quantile(sorted, (1 - level) / 2), quantile(sorted, (1 + level) / 2));
    }

    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
