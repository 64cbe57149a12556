package org.concurrencybench.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.concurrencybench.workload.SizeSpread;

/**
 * One cell's result, the suite's one shape for it whoever measured it: an entry of JMH's
 * {@code -rf json} output ({@link JmhResultFile}) or of the CPython companion's file
 * ({@code cpython.CpythonResultFile}), both bound by Jackson. Which benchmark ran with which parameters
 * (strings, as both write them), its metrics, and in a run made in rounds the round of each fork.
 * The report, {@code verify}, the rounds' pooling ({@link #pool}) and the CPython calibration all
 * read this record.
 *
 * @param benchmark the full name: the benchmark class's name, a dot, the method (JMH); the
 *                  companion's benchmark name, e.g. {@code cpython.batch}
 * @param mode      the short mode name, e.g. {@code avgt}; empty when absent
 * @param threads   threads per fork; 1 when absent
 * @param forks     forks (or trials) that ran; 0 when absent
 * @param params    the parameters; empty when absent
 * @param primary   the score (JMH's {@code primaryMetric})
 * @param secondary profilers' metrics by name (JMH's {@code secondaryMetrics}); empty when absent
 * @param rounds    the round of each fork of the primary metric's raw data, in a run made in rounds;
 *                  empty otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BenchmarkResult(String benchmark, String mode, int threads, int forks, Map<String, String> params,
                              Metric primary, Map<String, Metric> secondary, List<Integer> rounds) {

    /** {@code chunksize} of an even batch: the process pool hands out one task at a time. */
    public static final String EVEN_CHUNKSIZE = "1";
    /** {@code order} of an even batch: tasks submitted as generated. */
    public static final String EVEN_ORDER = "AS_GENERATED";

    public BenchmarkResult {
        mode = mode == null ? "" : mode;
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secondary = secondary == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
    }

    /** A result whose rounds are not known (a run not made in rounds, one round's own file). */
    public BenchmarkResult(String benchmark, String mode, int threads, int forks, Map<String, String> params,
                           Metric primary, Map<String, Metric> secondary) {
        this(benchmark, mode, threads, forks, params, primary, secondary, List.of());
    }

    /** What a file holds: JMH's names, and any field but the benchmark may be absent. */
    @JsonCreator
    static BenchmarkResult read(@JsonProperty("benchmark") String benchmark, @JsonProperty("mode") String mode,
                                @JsonProperty("threads") Integer threads, @JsonProperty("forks") Integer forks,
                                @JsonProperty("params") Map<String, String> params,
                                @JsonProperty("primaryMetric") Metric primary,
                                @JsonProperty("secondaryMetrics") Map<String, Metric> secondary,
                                @JsonProperty("rounds") List<Integer> rounds) {
        return new BenchmarkResult(benchmark, mode, threads == null ? 1 : threads, forks == null ? 0 : forks, params,
                primary, secondary, rounds);
    }

    /** The same result, its forks from rounds {@code roundOfEachFork}. */
    public BenchmarkResult withRounds(List<Integer> roundOfEachFork) {
        return new BenchmarkResult(benchmark, mode, threads, forks, params, primary, secondary, roundOfEachFork);
    }

    /**
     * One cell's results, one per round (each with its rounds), as one: every round's forks in order,
     * the round of each, the score the mean of every finite value, no error of the writer's (the
     * report computes its own). JMH's and the companion's rounds are pooled by this one routine.
     */
    public static BenchmarkResult pool(List<BenchmarkResult> parts) {
        BenchmarkResult first = parts.get(0);
        Metric primary = Metric.pool(parts.stream().map(BenchmarkResult::primary).toList());
        Map<String, Metric> secondary = new LinkedHashMap<>();
        first.secondary().keySet().forEach(name -> secondary.put(name, Metric.pool(parts.stream()
                .map(r -> r.secondary().get(name)).filter(java.util.Objects::nonNull).toList())));
        List<Integer> rounds = parts.stream().flatMap(r -> r.rounds().stream()).toList();
        return new BenchmarkResult(first.benchmark(), first.mode(), first.threads(), primary.rawData().size(),
                first.params(), primary, secondary, rounds);
    }

    /** The same cell: the same benchmark with the same parameters. */
    public boolean sameCell(BenchmarkResult other) {
        return benchmark.equals(other.benchmark()) && params.equals(other.params());
    }

    /**
     * The mean of the primary metric's finite values in each round, by round number; empty when the
     * rounds are not known or do not match the forks one to one.
     */
    public Map<Integer, Double> roundMeans() {
        List<List<Double>> raw = primary.rawData();
        if (rounds.isEmpty() || rounds.size() != raw.size()) {
            return Map.of();
        }
        Map<Integer, double[]> sums = new TreeMap<>();
        for (int i = 0; i < raw.size(); i++) {
            double[] sum = sums.computeIfAbsent(rounds.get(i), r -> new double[2]);
            for (double value : raw.get(i)) {
                if (Double.isFinite(value)) {
                    sum[0] += value;
                    sum[1]++;
                }
            }
        }
        Map<Integer, Double> means = new TreeMap<>();
        sums.forEach((round, sum) -> {
            if (sum[1] > 0) {
                means.put(round, sum[0] / sum[1]);
            }
        });
        return means;
    }

    /** Whether this is the benchmark method {@code method} of a benchmark class named {@code simpleClassName}. */
    public boolean is(String simpleClassName, String method) {
        return benchmark.endsWith(simpleClassName + "." + method);
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

    /** A parameter's value, or the empty string when it was not recorded. */
    public String param(String name) {
        return param(name, "");
    }

    /** A parameter's value, or {@code fallback} when it was not recorded. */
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
