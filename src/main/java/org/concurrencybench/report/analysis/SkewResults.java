package org.concurrencybench.report.analysis;

import org.concurrencybench.report.input.ModelOrder;

import org.concurrencybench.report.input.BenchmarkClasses;

import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.input.WorkloadOrder;
import org.concurrencybench.report.stats.Decision;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;
import org.concurrencybench.report.stats.SharedRounds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.concurrencybench.model.PoolMapChunks;
import org.concurrencybench.workload.SizeSpread;

/**
 * A run's uneven batches: the {@code ModelBenchmark} results whose task sizes were spread
 * ({@code spread}), whose process pool sent chunks ({@code chunksize}) or whose tasks were
 * submitted largest first ({@code order}), at the largest core count that has them, beside the
 * even batches measured there. Results without a {@code spread} param (runs from before spreads)
 * read as {@code NONE}, without {@code chunksize} as 1, without {@code order} as {@code AS_GENERATED}.
 *
 * <p>A series is a model, or a variant of one: {@code PROCESS_POOL chunksize=0},
 * {@code FIXED_POOL LARGEST_FIRST}. The skew verdict compares each series' loss to skew: its
 * speedup over SEQUENTIAL (same spread, same cores) with even batches, divided by the same under
 * the uneven spread. Total work is the same for every spread, so SEQUENTIAL's time barely moves,
 * and a factor of 1 means the series lost nothing to the skew.
 */
public record SkewResults(int cores, Map<String, Map<String, Map<SizeSpread, SampleStats>>> times,
                   Map<String, Integer> defaultChunks) {

    public static final String BASELINE = ScalingAnalysis.BASELINE;

    /**
     * One spread's verdict: every series' loss factor (not SEQUENTIAL's), in series order, with its
     * interval (against SEQUENTIAL's speedup where {@code againstBaseline}, else against the series'
     * own even time). Which series gained, lost, lost nothing or cannot be told is {@link #decide}'s
     * answer on each factor; a series "gains most" or "loses most" only as one of the decided
     * ({@link #mostGained}, {@link #mostLost}).
     */
    public record Verdict(String workload, SizeSpread spread, int cores, Map<String, RatioEstimate> losses,
            boolean againstBaseline) {

        /** The series whose factor {@link #decide} answers {@code answer}, in series order. */
        public List<String> decided(Decision.Answer answer) {
            return losses.entrySet().stream().filter(e -> decide(e.getValue()).answer() == answer)
                    .map(Map.Entry::getKey).toList();
        }

        /**
         * The series with the largest decided gain, and every other decided gainer whose factor is not
         * told apart from it (their quotient's interval does not lie beyond the floor); empty without a
         * decided gain. A gain whose interval does not decide is never among them.
         */
        public List<String> mostGained() {
            return extreme(decided(Decision.Answer.LOWER), Comparator.naturalOrder());
        }

        /** As {@link #mostGained}, for the largest decided loss. */
        public List<String> mostLost() {
            return extreme(decided(Decision.Answer.HIGHER), Comparator.reverseOrder());
        }

        /** Where every series lost: the smallest loss and those not told apart from it; else empty. */
        public List<String> leastLost() {
            List<String> lost = decided(Decision.Answer.HIGHER);
            return lost.size() == losses.size() && lost.size() > 1 ? extreme(lost, Comparator.naturalOrder()) : List.of();
        }

        /** Where every series gained: the smallest gain and those not told apart from it; else empty. */
        public List<String> leastGained() {
            List<String> gained = decided(Decision.Answer.LOWER);
            return gained.size() == losses.size() && gained.size() > 1 ? extreme(gained, Comparator.reverseOrder())
                    : List.of();
        }

        /**
         * Whether every series outside {@code group} is told apart from the group's first (their
         * quotient's interval lies beyond the floor): only then is the group the "most" (or "least").
         */
        public boolean toldApartFromTheRest(List<String> group) {
            if (group.isEmpty()) {
                return false;
            }
            RatioEstimate top = losses.get(group.get(0));
            return losses.keySet().stream().filter(series -> !group.contains(series))
                    .allMatch(series -> decide(RatioEstimate.quotient(losses.get(series), top)).changed());
        }

        private List<String> extreme(List<String> series, Comparator<Double> order) {
            if (series.isEmpty()) {
                return List.of();
            }
            List<String> sorted = series.stream().sorted(Comparator.comparing(s -> losses.get(s).value(), order)).toList();
            RatioEstimate top = losses.get(sorted.get(0));
            return sorted.stream().filter(s -> !decide(RatioEstimate.quotient(losses.get(s), top)).changed()).toList();
        }
    }

    /**
     * A loss factor read against the floor of verdicts inside a run ({@link ScalingVerdicts#SAME_WITHIN}):
     * HIGHER, a loss; LOWER, a gain; SAME, nothing lost; else we cannot tell.
     */
    public static Decision decide(RatioEstimate lossFactor) {
        return ScalingVerdicts.decide(lossFactor);
    }


    /** The series a result belongs to: its model, with its chunk size (process pool) and order where not the default. */
    static String seriesOf(BenchmarkResult result) {
        String model = result.param("model", "?");
        StringBuilder series = new StringBuilder(model);
        String chunksize = result.param("chunksize", BenchmarkResult.EVEN_CHUNKSIZE);
        if (model.equals("PROCESS_POOL") && !chunksize.equals(BenchmarkResult.EVEN_CHUNKSIZE)) {
            series.append(" chunksize=").append(chunksize);
        }
        String order = result.param("order", BenchmarkResult.EVEN_ORDER);
        if (!order.equals(BenchmarkResult.EVEN_ORDER)) {
            series.append(' ').append(order);
        }
        return series.toString();
    }

    /** The run's uneven batches, if it has any. */
    public static Optional<SkewResults> of(RunResults run, double level) {
        Optional<Integer> uneven = run.mostCoresWith(r -> isModelResult(r) && !r.isEvenBatch());
        if (uneven.isEmpty()) {
            return Optional.empty();
        }
        int cores = uneven.get();
        Map<String, Map<String, Map<SizeSpread, SampleStats>>> times = new TreeMap<>(WorkloadOrder.GROUPS);
        Map<String, Integer> defaultChunks = new TreeMap<>();
        for (BenchmarkResult result : run.of(BenchmarkClasses.MODEL, cores)) {
            if (result.param("model", "").equals("PROCESS_POOL") && result.param("chunksize", "").equals("0")) {
                int workers = ConvoyResults.parseInt(result.param("parallelism", "0"));
                defaultChunks.put(result.param("workload", "?"), PoolMapChunks.defaultChunksize(
                        ConvoyResults.parseInt(result.param("tasks", "0")), workers == 0 ? cores : workers));
            }
            SampleStats time = SampleStats.of(result.primary().forks(), result.rounds(), level);
            if (time.n() == 0 || result.spread() == null) {
                continue;
            }
            times.computeIfAbsent(result.param("workload", "?"), w -> new TreeMap<>(SERIES_ORDER))
                    .computeIfAbsent(seriesOf(result), s -> new TreeMap<>()).put(result.spread(), time);
        }
        times.values().forEach(SkewResults::cutToBaselines);
        return Optional.of(new SkewResults(cores, times, defaultChunks));
    }

    /**
     * Each series' cell cut to the rounds it shares with what it is divided by ({@link SharedRounds}):
     * SEQUENTIAL at the same spread, or, without one, the series' own even batch; so a speedup, a
     * loss factor and the times printed beside them rest on the same rounds.
     */
    private static void cutToBaselines(Map<String, Map<SizeSpread, SampleStats>> bySeries) {
        Map<SizeSpread, SampleStats> baseline = bySeries.getOrDefault(BASELINE, Map.of());
        bySeries.forEach((series, bySpread) -> {
            if (series.equals(BASELINE)) {
                return;
            }
            SampleStats even = bySpread.get(SizeSpread.NONE);
            bySpread.replaceAll((spread, time) -> {
                SampleStats divisor = baseline.containsKey(spread) ? baseline.get(spread)
                        : spread == SizeSpread.NONE ? null : even;
                return divisor == null ? time : SharedRounds.pair(time, divisor).numerator();
            });
        });
    }

    /** Models in palette order, each model's variants after it. */
    public static final Comparator<String> SERIES_ORDER = Comparator.<String, String>comparing(s -> s.split(" ")[0],
            ModelOrder.ORDER).thenComparing(Comparator.naturalOrder());

    private static boolean isModelResult(BenchmarkResult result) {
        return result.benchmarkClass().equals(BenchmarkClasses.MODEL);
    }

    /** The spreads measured for a workload, in {@link SizeSpread} order. */
    public List<SizeSpread> spreads(String workload) {
        return times.getOrDefault(workload, Map.of()).values().stream().flatMap(bySpread -> bySpread.keySet().stream())
                .distinct().sorted().toList();
    }

    /**
     * SEQUENTIAL's time over the series' time, same spread: the point of {@link #speedupEstimate},
     * the per-round paired ratio the scaling tables print (one value per quantity); NaN without both.
     */
    public double speedup(String workload, String series, SizeSpread spread) {
        return speedupEstimate(workload, series, spread).value();
    }

    /** {@link #speedup} with its interval, paired by round where the two cells share rounds. */
    RatioEstimate speedupEstimate(String workload, String series, SizeSpread spread) {
        Map<String, Map<SizeSpread, SampleStats>> bySeries = times.getOrDefault(workload, Map.of());
        SampleStats baseline = bySeries.getOrDefault(BASELINE, Map.of()).get(spread);
        SampleStats time = bySeries.getOrDefault(series, Map.of()).get(spread);
        return baseline == null || time == null ? RatioEstimate.ABSENT : RatioEstimate.withinRun(baseline, time);
    }

    /**
     * {@link #lossFactor} with its interval: the quotient of the two speedups' estimates (their log
     * half-widths in quadrature), or without SEQUENTIAL the series' uneven time over its even one.
     */
    public RatioEstimate lossEstimate(String workload, String series, SizeSpread spread) {
        Map<SizeSpread, SampleStats> own = times.getOrDefault(workload, Map.of()).getOrDefault(series, Map.of());
        if (!own.containsKey(SizeSpread.NONE) || !own.containsKey(spread)) {
            return RatioEstimate.ABSENT;
        }
        RatioEstimate even = speedupEstimate(workload, series, SizeSpread.NONE);
        RatioEstimate uneven = speedupEstimate(workload, series, spread);
        return even.present() && uneven.present() ? RatioEstimate.quotient(even, uneven)
                : RatioEstimate.withinRun(own.get(spread), own.get(SizeSpread.NONE));
    }

    /**
     * How much a series lost to {@code spread}: its speedup over SEQUENTIAL with even batches over
     * its speedup under the spread, or (without SEQUENTIAL under both) its time under the spread
     * over its time with even batches; the point of {@link #lossEstimate}, so the table, the chart
     * and the verdict print one value. NaN without both of its own times.
     */
    public double lossFactor(String workload, String series, SizeSpread spread) {
        return lossEstimate(workload, series, spread).value();
    }

    /** Per uneven spread of the workload: every series' (not SEQUENTIAL's) loss factor, if two or more have one. */
    public List<Verdict> verdicts(String workload) {
        List<Verdict> verdicts = new ArrayList<>();
        for (SizeSpread spread : spreads(workload)) {
            if (spread == SizeSpread.NONE) {
                continue;
            }
            Map<String, RatioEstimate> losses = new LinkedHashMap<>();
            for (String series : times.getOrDefault(workload, Map.of()).keySet()) {
                RatioEstimate loss = lossEstimate(workload, series, spread);
                if (!series.equals(BASELINE) && loss.present()) {
                    losses.put(series, loss);
                }
            }
            if (losses.size() < 2) {
                continue;
            }
            verdicts.add(new Verdict(workload, spread, cores, losses, speedupEstimate(workload, BASELINE, spread).present()));
        }
        return verdicts;
    }
}
