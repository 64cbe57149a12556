package org.concurrencybench.report.input;

import java.util.Map;
import org.concurrencybench.workload.SizeSpread;

/**
 * One entry of JMH's {@code -rf json} output: which benchmark method ran with which parameters,
 * and its metrics. Parameters stay strings, as JMH writes them. In a run made in rounds,
 * {@code rounds} names the round of each fork of the primary metric's raw data (empty otherwise).
 */
public record BenchmarkResult(
        String benchmark,
        String mode,
        int threads,
        int forks,
        Map<String, String> params,
        Metric primary,
        Map<String, Metric> secondary,
        java.util.List<Integer> rounds) {

    public BenchmarkResult {
        rounds = rounds == null ? java.util.List.of() : java.util.List.copyOf(rounds);
    }

    /** A result of a run from before rounds (or one whose rounds are not known). */
    public BenchmarkResult(String benchmark, String mode, int threads, int forks, Map<String, String> params,
                           Metric primary, Map<String, Metric> secondary) {
        this(benchmark, mode, threads, forks, params, primary, secondary, java.util.List.of());
    }

    /** The same result, its forks from rounds {@code roundOfEachFork}. */
    public BenchmarkResult withRounds(java.util.List<Integer> roundOfEachFork) {
        return new BenchmarkResult(benchmark, mode, threads, forks, params, primary, secondary, roundOfEachFork);
    }

    /**
     * The mean of the primary metric's finite values in each round, by round number; empty when the
     * rounds are not known or do not match the forks one to one.
     */
    public Map<Integer, Double> roundMeans() {
        double[][] raw = primary.rawData();
        if (rounds.isEmpty() || rounds.size() != raw.length) {
            return Map.of();
        }
        Map<Integer, double[]> sums = new java.util.TreeMap<>();
        for (int i = 0; i < raw.length; i++) {
            double[] sum = sums.computeIfAbsent(rounds.get(i), r -> new double[2]);
            for (double value : raw[i]) {
                if (Double.isFinite(value)) {
                    sum[0] += value;
                    sum[1]++;
                }
            }
        }
        Map<Integer, Double> means = new java.util.TreeMap<>();
        sums.forEach((round, sum) -> {
            if (sum[1] > 0) {
                means.put(round, sum[0] / sum[1]);
            }
        });
        return means;
    }

    /** The benchmark class's simple name, e.g. {@code ModelBenchmark}. */
    public String benchmarkClass() {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : benchmark;
    }

    /** The method's name, e.g. {@code batch}. */
    public String method() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? benchmark : benchmark.substring(dot + 1);
    }

    /** A parameter's value, or {@code fallback} when JMH did not record it. */
    public String param(String name, String fallback) {
        String value = params.get(name);
        return value == null ? fallback : value;
    }

    /**
     * A secondary metric by name, accepting JMH's spelling with a leading middle dot
     * ({@code ·gc.alloc.rate.norm}) as well as without; null when absent.
     */
    public Metric secondaryMetric(String name) {
        Metric plain = secondary.get(name);
        return plain != null ? plain : secondary.get("\u00b7" + name);
    }

    /** {@code chunksize} of an even batch: the process pool hands out one task at a time. */
    public static final String EVEN_CHUNKSIZE = "1";
    /** {@code order} of an even batch: tasks submitted as generated. */
    public static final String EVEN_ORDER = "AS_GENERATED";

    /** Whether this is an even batch (no spread, no chunks, tasks in generated order): what the scaling analysis reads. */
    public boolean isEvenBatch() {
        return spread() == SizeSpread.NONE && EVEN_CHUNKSIZE.equals(param("chunksize", EVEN_CHUNKSIZE))
                && EVEN_ORDER.equals(param("order", EVEN_ORDER));
    }

    /** The result's spread; null for a name this suite does not know (a newer suite's), which is then left out. */
    public SizeSpread spread() {
        try {
            return SizeSpread.parse(param("spread", SizeSpread.NONE.name()));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
