package org.concurrencybench.report.analysis;

import org.concurrencybench.report.input.WorkloadGroups;
import org.concurrencybench.report.input.ModelOrder;

import org.concurrencybench.report.input.BenchmarkClasses;

import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.input.WorkloadOrder;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;
import org.concurrencybench.report.stats.SharedRounds;
import org.concurrencybench.report.stats.ScalingFit;
import org.concurrencybench.report.stats.ScalingLawFitter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Turns a run's {@code ModelBenchmark} results of even batches into {@link WorkloadScaling}s: the
 * statistics of every cell, speedups over SEQUENTIAL, efficiency, Karp-Flatt, and the scaling-law
 * fits. Uneven batches (a task-size spread, Pool.map's chunks, largest first) are left to
 * {@link SkewResults}: they are measured at one core count, and are not scaling curves.
 *
 * <p>Without a SEQUENTIAL baseline for a workload the report is still made: times and fits stay,
 * speedups, efficiency and Karp-Flatt are absent, and a warning says so (see
 * {@link #NO_BASELINE_WARNING}).
 */
public final class ScalingAnalysis {

    public static final String BASELINE = "SEQUENTIAL";

    /** The documented warning, completed with the run folder and workload. */
    public static final String NO_BASELINE_WARNING = "no SEQUENTIAL baseline for %s in %s: speedups, efficiency and"
            + " Karp-Flatt are left out (run the sweep with SEQUENTIAL among --models to get them)";

    /**
     * A speedup whose interval reaches further than this fraction of it either side is marked
     * unreliable. Relative, not against 1: a speedup of 1.00 +- 0.01 is a firm result ("no
     * gain"), the very one the GIL and the event loop should show on CPU work.
     */
    static final double MAX_RELATIVE_SPEEDUP_HALF_WIDTH = 0.10;

    /** Fewer raw values than this and a cell is marked unreliable. */
    public static final int MIN_SAMPLES = 3;

    /** What names a cell's series and group; {@code task} names a user's workload ({@link WorkloadGroups}). */
    private static final Set<String> IDENTITY_PARAMS = Set.of("model", "workload", "task");

    private final double level;
    private final ScalingLawFitter fitter;

    /** Fits by ordinary least squares on throughput. */
    public ScalingAnalysis(double level) {
        this(level, ScalingFit.Residuals.ABSOLUTE);
    }

    public ScalingAnalysis(double level, ScalingFit.Residuals residuals) {
        this.level = level;
        this.fitter = new ScalingLawFitter(level, residuals);
    }

    public List<WorkloadScaling> analyse(RunResults run, Consumer<String> warnings) {
        Map<String, Map<String, Map<Integer, SampleStats>>> stats = collect(run, warnings);
        List<WorkloadScaling> workloads = new ArrayList<>();
        stats.forEach((group, byModel) -> workloads.add(analyseGroup(run, group, byModel, warnings)));
        return workloads;
    }

    /** group -> model -> cores -> stats, groups in workload order, models in palette order. */
    private Map<String, Map<String, Map<Integer, SampleStats>>> collect(RunResults run, Consumer<String> warnings) {
        List<String> varying = varyingParams(run);
        Map<String, Map<String, Map<Integer, SampleStats>>> stats = new TreeMap<>(WorkloadOrder.GROUPS);
        run.byCores().forEach((cores, results) -> {
            for (BenchmarkResult result : results) {
                if (!result.benchmarkClass().equals(BenchmarkClasses.MODEL) || !result.isEvenBatch()) {
                    continue; // uneven batches have their own section (SkewResults)
                }
                StringBuilder group = new StringBuilder(WorkloadGroups.of(result.params()));
                for (String param : varying) {
                    group.append(' ').append(param).append('=').append(result.param(param, "?"));
                }
                SampleStats time = SampleStats.of(result.primary().forks(), result.rounds(), level);
                if (time.n() == 0) {
                    warnings.accept(new org.concurrencybench.results.RunFolder(run.directory()).coresFile(cores) + ": "
                            + result.param("model", "?") + " on " + group + " has no score (JMH wrote NaN); left out");
                    continue;
                }
                stats.computeIfAbsent(group.toString(), g -> new TreeMap<>(ModelOrder.ORDER))
                        .computeIfAbsent(result.param("model", "?"), m -> new TreeMap<>())
                        .put(cores, time);
            }
        });
        return stats;
    }

    /** Parameters other than model and workload whose values differ between entries. */
    private static List<String> varyingParams(RunResults run) {
        Map<String, Set<String>> values = new TreeMap<>();
        run.byCores().values().forEach(results -> results.stream()
                .filter(result -> result.benchmarkClass().equals(BenchmarkClasses.MODEL) && result.isEvenBatch())
                .forEach(result -> result.params().forEach((name, value) -> {
                    if (!IDENTITY_PARAMS.contains(name)) {
                        values.computeIfAbsent(name, n -> new TreeSet<>()).add(value);
                    }
                })));
        return values.entrySet().stream().filter(entry -> entry.getValue().size() > 1).map(Map.Entry::getKey).toList();
    }

    private WorkloadScaling analyseGroup(RunResults run, String group, Map<String, Map<Integer, SampleStats>> byModel,
            Consumer<String> warnings) {
        Map<Integer, SampleStats> baseline = byModel.getOrDefault(BASELINE, Map.of());
        SampleStats oneCoreBaseline = baseline.get(1);
        if (baseline.isEmpty()) {
            warnings.accept(String.format(NO_BASELINE_WARNING, group, run.directory()));
        } else if (oneCoreBaseline == null) {
            warnings.accept("no 1-core SEQUENTIAL result for " + group + " in " + run.directory()
                    + ": speedup over 1 core, efficiency and Karp-Flatt are left out");
        }
        SortedSet<Integer> allCores = new TreeSet<>();
        Map<String, Map<Integer, ScalingCell>> cells = new LinkedHashMap<>();
        Map<String, ScalingFit> amdahl = new LinkedHashMap<>();
        Map<String, ScalingFit> usl = new LinkedHashMap<>();
        byModel.forEach((model, byCores) -> {
            Map<Integer, ScalingCell> modelCells = new TreeMap<>();
            byCores.forEach((cores, time) -> {
                allCores.add(cores);
                modelCells.put(cores, cell(group, model, cores, time, baseline.get(cores), oneCoreBaseline));
            });
            cells.put(model, modelCells);
            double[] coreCounts = modelCells.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] throughput = modelCells.values().stream().mapToDouble(ScalingCell::throughput).toArray();
            amdahl.put(model, fitter.fit(ScalingFit.Law.AMDAHL, coreCounts, throughput));
            usl.put(model, fitter.fit(ScalingFit.Law.USL, coreCounts, throughput));
        });
        return new WorkloadScaling(group, List.copyOf(byModel.keySet()), allCores, cells, amdahl, usl,
                !baseline.isEmpty(), oneCoreBaseline != null);
    }

    /**
     * One cell from its time and SEQUENTIAL's at the same cores and at 1 core (either null when
     * absent). The three are first cut to the rounds all of them ran ({@link SharedRounds}): the
     * cell's time, its speedups, efficiency and Karp-Flatt then rest on the same rounds, so the time
     * printed in its row is the one its speedups divide.
     */
    public static ScalingCell cell(String group, String model, int cores, SampleStats time, SampleStats sameCoresBaseline,
            SampleStats oneCoreBaseline) {
        Set<Integer> rounds = SharedRounds.of(time, sameCoresBaseline, oneCoreBaseline);
        SampleStats own = time.onRounds(rounds);
        RatioEstimate sameCores = sameCoresBaseline == null ? RatioEstimate.ABSENT
                : RatioEstimate.withinRun(sameCoresBaseline.onRounds(rounds), own);
        RatioEstimate overOneCore = oneCoreBaseline == null ? RatioEstimate.ABSENT
                : RatioEstimate.withinRun(oneCoreBaseline.onRounds(rounds), own);
        RatioEstimate efficiency = overOneCore.dividedBy(cores);
        double karpFlatt = cores > 1 && overOneCore.present()
                ? (1 / overOneCore.value() - 1.0 / cores) / (1 - 1.0 / cores) : Double.NaN;
        String unreliable = unreliability(model, own, sameCores);
        if (unreliable == null && tooWide(overOneCore)) {
            unreliable = "speedup over 1 core: interval wider than \u00b1"
                    + Math.round(MAX_RELATIVE_SPEEDUP_HALF_WIDTH * 100) + "%";
        }
        return new ScalingCell(group, model, cores, own, sameCores, overOneCore, efficiency, karpFlatt, unreliable,
                roundsNote(time, own, rounds, sameCoresBaseline, oneCoreBaseline, cores));
    }

    /**
     * Where a row's figures do not all divide from the times printed in the table, what they were
     * divided from: the cell's rounds, where its baselines lacked some it ran, and SEQUENTIAL's time
     * in those rounds, where SEQUENTIAL's own row rests on more (it was rerun beside another cell):
     * "rounds 1, 2, 3 (this cell ran 5); SEQUENTIAL in them: 296 ms at 1 core, 295 ms at 2 cores".
     * Null where the printed times divide to the speedups.
     */
    static String roundsNote(SampleStats ran, SampleStats own, Set<Integer> rounds, SampleStats sameCoresBaseline,
            SampleStats oneCoreBaseline, int cores) {
        boolean cut = own.roundMeans().size() != ran.roundMeans().size();
        List<String> baselines = new ArrayList<>();
        if (oneCoreBaseline != null && !oneCoreBaseline.onRounds(rounds).equals(oneCoreBaseline)) {
            baselines.add(Numbers.format(oneCoreBaseline.onRounds(rounds).mean()) + " ms" + " at 1 core");
        }
        if (sameCoresBaseline != null && cores != 1) {
            SampleStats printed = sameCoresBaseline.onRounds(SharedRounds.of(sameCoresBaseline, oneCoreBaseline));
            SampleStats used = sameCoresBaseline.onRounds(rounds);
            if (!used.equals(printed)) {
                baselines.add(Numbers.format(used.mean()) + " ms" + " at " + cores + " cores");
            }
        }
        if (!cut && baselines.isEmpty()) {
            return null;
        }
        String note = "rounds " + new TreeSet<>(own.roundMeans().keySet()).toString().replaceAll("[\\[\\]]", "")
                + (cut ? " (this cell ran " + ran.roundMeans().size() + ")" : "");
        return baselines.isEmpty() ? note : note + "; SEQUENTIAL in them: " + String.join(", ", baselines);
    }

    /**
     * Why a cell's numbers should not be trusted, or null. The same rule for every cell, SEQUENTIAL
     * included: a noisy baseline makes every speedup over it as uncertain as its own ratio shows. In a
     * run made in rounds SEQUENTIAL's speedup over itself is paired round by round, exactly 1 with no
     * width, so the baseline is held to the same ±10% on its own time's interval instead.
     */
    public static String unreliability(String model, SampleStats time, RatioEstimate speedup) {
        if (time.n() < MIN_SAMPLES) {
            return "only " + time.n() + " sample" + (time.n() == 1 ? "" : "s");
        }
        if (time.units() < 2) {
            return "one round: no interval";
        }
        if (2 * time.halfWidth() > time.mean()) {
            return "interval wider than the mean";
        }
        if (tooWide(speedup)) {
            return "speedup interval wider than \u00b1" + Math.round(MAX_RELATIVE_SPEEDUP_HALF_WIDTH * 100) + "%";
        }
        if (BASELINE.equals(model) && time.halfWidth() > MAX_RELATIVE_SPEEDUP_HALF_WIDTH * time.mean()) {
            return "time interval wider than \u00b1" + Math.round(MAX_RELATIVE_SPEEDUP_HALF_WIDTH * 100)
                    + "% (the baseline of every speedup)";
        }
        return null;
    }

    private static boolean tooWide(RatioEstimate speedup) {
        return speedup.hasInterval()
                && (speedup.high() - speedup.low()) / 2 > MAX_RELATIVE_SPEEDUP_HALF_WIDTH * speedup.value();
    }
}
