package org.concurrencybench.report.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.stats.Decision;
import org.concurrencybench.report.stats.PairedRatio;
import org.concurrencybench.report.stats.RatioEstimate;

/**
 * Whether a run's forks were measured at steady state: a fork still warming up (its JIT, caches,
 * a connection's buffers) has a first measured iteration slower than its last (in time; a
 * throughput is read as its reciprocal), and half the
 * spread inside such a fork is that trend, not noise. Per cell, the first measured iteration over
 * the last is averaged over the forks on the log scale, with a Student-t interval, and read by
 * {@link Decision} against the floor: a cell whose interval lies wholly beyond it is
 * <em>not steady</em>. Over the whole run, the median of (first / last - 1) over every fork and the
 * share of forks whose first is the slower say whether the warm-up is long enough: a run at steady
 * state has a median near 0 and a share near a half.
 *
 * @param cells        the cells whose trend was decided to be beyond the floor
 * @param forks        forks with at least two measured iterations, over the whole run
 * @param medianChange the median of (first / last - 1) over those forks (a fraction)
 * @param firstSlower  the share of those forks whose first measured iteration was the slower
 */
public record SteadyState(List<Trend> cells, int forks, double medianChange, double firstSlower) {

    /**
     * One cell that was not steady.
     *
     * @param benchmark    the benchmark method's class and name, e.g. {@code ModelBenchmark.batch}
     * @param params       its parameters
     * @param cores        its core count
     * @param firstOverLast the first measured iteration over the last, geometric mean over its forks
     */
    public record Trend(String benchmark, Map<String, String> params, int cores, RatioEstimate firstOverLast) {
    }

    /** The run's steady state against a floor of {@code floor} (a fraction), intervals at {@code level}. */
    public static SteadyState of(RunResults run, double floor, double level) {
        List<Trend> trends = new ArrayList<>();
        List<Double> changes = new ArrayList<>();
        run.byCores().forEach((cores, results) -> {
            for (BenchmarkResult result : results) {
                RatioEstimate trend = firstOverLast(asTimes(result), level, changes);
                if (Decision.of(trend, floor).changed()) {
                    trends.add(new Trend(result.benchmarkClass() + "." + result.method(), result.params(), cores, trend));
                }
            }
        });
        double[] sorted = changes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length == 0 ? Double.NaN : sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        double slower = sorted.length == 0 ? Double.NaN
                : Arrays.stream(sorted).filter(change -> change > 0).count() / (double) sorted.length;
        return new SteadyState(List.copyOf(trends), sorted.length, median, slower);
    }

    /**
     * The result's iterations as times: a throughput's reciprocal, so that "the first is slower"
     * reads alike for every mode (JMH's {@code thrpt} counts operations per unit of time).
     */
    static double[][] asTimes(BenchmarkResult result) {
        double[][] forks = result.primary().forks();
        if (!"thrpt".equals(result.mode())) {
            return forks;
        }
        return Arrays.stream(forks).map(fork -> Arrays.stream(fork).map(value -> 1 / value).toArray())
                .toArray(double[][]::new);
    }

    /**
     * The geometric mean over the forks of first / last measured iteration, with its interval; adds
     * each fork's (first / last - 1) to {@code changes}. Forks of one iteration have no trend.
     */
    static RatioEstimate firstOverLast(double[][] forks, double level, List<Double> changes) {
        Map<Integer, Double> firsts = new TreeMap<>();
        Map<Integer, Double> lasts = new TreeMap<>();
        for (double[] fork : forks) {
            if (fork.length >= 2 && fork[0] > 0 && fork[fork.length - 1] > 0) {
                firsts.put(firsts.size(), fork[0]);
                lasts.put(lasts.size(), fork[fork.length - 1]);
                changes.add(fork[0] / fork[fork.length - 1] - 1);
            }
        }
        return PairedRatio.of(firsts, lasts, level);
    }
}
