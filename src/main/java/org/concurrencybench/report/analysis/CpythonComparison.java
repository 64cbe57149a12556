package org.concurrencybench.report.analysis;

import org.concurrencybench.report.input.BenchmarkClasses;

import org.concurrencybench.report.input.CpythonResults;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.stats.Decision;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;
import org.concurrencybench.report.stats.SharedRounds;

import org.concurrencybench.results.CpythonPairing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.cpython.CpythonResultFile;

/**
 * The simulation against the real thing, figure by figure. For batches: each CPython form's speedup
 * over its own sequential code beside its paired model's speedup over the JVM's SEQUENTIAL (both
 * against the baseline at the fewest cores both sides ran, 1 where the run has it), their ratio
 * and a verdict. For the convoy: round trips per second and the slowdown factor (alone over beside
 * k CPU-bound threads) on each side, per core count and switch interval.
 *
 * <p>The ratio of two speedups {@code a/b} gets the interval of its log half-widths added in
 * quadrature ({@link RatioEstimate#quotient}), the delta method for independent estimates on the log
 * scale. Each side's own speedup (and slowdown) is paired by round where its trials came from rounds
 * ({@link RatioEstimate#withinRun}), CPython's as the JVM's. Each row carries a {@link Finding}: the
 * ratio read by {@link Decision} against {@link #TOLERANCE}: the sides agree when its whole interval
 * lies within the tolerance, differ when it lies beyond, and otherwise we cannot tell; flagged beyond
 * {@link #FLAG_FACTOR}; or why there is nothing to compare. The sequential baseline against itself
 * at the baseline's cores is 1 against 1 by construction: it is a {@link Finding.Baseline}, never
 * counted as agreeing. The words are the report's ({@code sections.CpythonSection}).
 */
public final class CpythonComparison {

    /** Beyond this factor either way a difference is too large to pass unexplained: it is flagged. */
    public static final double FLAG_FACTOR = 2.0;

    /**
     * Within this factor either way the sides are called close even when the interval excludes 1:
     * a 2% difference measured to 1% is real but says nothing about the simulation.
     */
    public static final double TOLERANCE = 1.10;

    /** A figure whose interval's half-width is more than this share of it is unreliable, as in the scaling tables. */
    public static final double RELIABLE_HALF_WIDTH = ScalingAnalysis.MAX_RELATIVE_SPEEDUP_HALF_WIDTH;

    /** One form at one core count: the two speedups, their ratio and what they say together. */
    public record SpeedupRow(String workload, String form, String model, int cores, RatioEstimate cpython, RatioEstimate jvm,
                      RatioEstimate ratio, Finding finding) {
    }

    /** One convoy setting on both sides: round trips per second and slowdown factors. */
    public record ConvoyRow(int cores, int switchMicros, int cpuThreads, SampleStats cpython, SampleStats jvm,
                     RatioEstimate cpythonSlowdown, RatioEstimate jvmSlowdown, RatioEstimate ratio, Finding finding) {
    }

    /** What a row's two sides allow to be said, first match wins. */
    public sealed interface Finding {
        /** CPython's benchmark failed, with its reason. */
        record CpythonFailed(String reason) implements Finding {
        }

        /** CPython did not run this form. */
        record CpythonMissing() implements Finding {
        }

        /** This CPython has no such form (an interpreter pool before 3.13): the companion's one line. */
        record CpythonUnavailable(String reason) implements Finding {

            /** How the companion begins the reason of a form its interpreter lacks (python/cpybench/interpreters.py). */
            public static final String PREFIX = CpythonResultFile.Failed.UNAVAILABLE_PREFIX;

            /** Whether {@code reason} says so, the round it came from named or not ("round 1: not available ..."). */
            public static boolean is(String reason) {
                return CpythonResultFile.Failed.unavailable(reason);
            }
        }

        /** The JVM did not run the paired model (or, for the convoy, the convoy at this core count). */
        record JvmMissing() implements Finding {
        }

        /** A side has no sequential time at the baseline's core count. */
        record NoBaseline(int cores) implements Finding {
        }

        /** The convoy's run without CPU-bound threads: the reference the slowdowns divide by. */
        record Reference() implements Finding {
        }

        /** Sequential code over itself at the baseline's cores: 1 against 1 by construction, nothing to compare. */
        record Baseline() implements Finding {
        }

        /** Both sides measured: the ratio of their figures decides. */
        record Compared(RatioEstimate ratio) implements Finding {

            /** The ratio's interval read against {@link #TOLERANCE}. */
            public Decision decision() {
                return Decision.of(ratio, TOLERANCE - 1);
            }

            /** Whether the whole interval lies within {@link #TOLERANCE}: the sides are the same. */
            public boolean agrees() {
                return decision().same();
            }

            /** Whether the whole interval lies beyond {@link #TOLERANCE}, either way. */
            public boolean differs() {
                return decision().changed();
            }

            /** Whether CPython's figure is more than {@link #FLAG_FACTOR} times the simulation's, either way. */
            public boolean flagged() {
                return Math.max(ratio.value(), 1 / ratio.value()) > FLAG_FACTOR;
            }
        }
    }

    private CpythonComparison() {
    }

    public static List<SpeedupRow> speedups(RunResults run, CpythonResults py, String workload, double level) {
        List<SpeedupRow> rows = new ArrayList<>();
        List<Integer> cores = py.byCores().keySet().stream().toList();
        int base = cores.get(0);
        Optional<SampleStats> pyBase = py.batch(base, CpythonPairing.SEQUENTIAL, workload)
                .map(e -> pyStats(e, level));
        Optional<SampleStats> jvmBase = jvmBatch(run, Model.SEQUENTIAL, workload, base, level);
        for (Map.Entry<String, Model> pair : CpythonPairing.forms(py.freeThreaded()).entrySet()) {
            String form = pair.getKey();
            Model model = pair.getValue();
            for (int n : cores) {
                Optional<SampleStats> pyCell = py.batch(n, form, workload).map(e -> pyStats(e, level));
                Optional<SampleStats> jvmCell = jvmBatch(run, model, workload, n, level);
                Optional<String> failure = py.batchFailure(n, form, workload);
                if (pyCell.isEmpty() && jvmCell.isEmpty() && failure.isEmpty()) {
                    continue;
                }
                RatioEstimate pySpeedup = speedup(pyCell, py.batch(n, CpythonPairing.SEQUENTIAL, workload)
                        .map(e -> pyStats(e, level)), pyBase);
                RatioEstimate jvmSpeedup = speedup(jvmCell, jvmBatch(run, Model.SEQUENTIAL, workload, n, level), jvmBase);
                RatioEstimate ratio = ratio(pySpeedup, jvmSpeedup);
                Finding finding = failure.filter(Finding.CpythonUnavailable::is).isPresent()
                        ? new Finding.CpythonUnavailable(failure.get())
                        : failure.isPresent() ? new Finding.CpythonFailed(failure.get())
                        : pyCell.isEmpty() ? new Finding.CpythonMissing()
                        : jvmCell.isEmpty() ? new Finding.JvmMissing()
                        : pyBase.isEmpty() || jvmBase.isEmpty() ? new Finding.NoBaseline(base)
                        : model == Model.SEQUENTIAL && n == base ? new Finding.Baseline()
                        : new Finding.Compared(ratio);
                rows.add(new SpeedupRow(workload, form, model.name(), n, pySpeedup, jvmSpeedup, ratio, finding));
            }
        }
        return rows;
    }

    public static List<ConvoyRow> convoy(RunResults run, CpythonResults py, double level) {
        List<ConvoyRow> rows = new ArrayList<>();
        String model = CpythonPairing.convoyModel(py.freeThreaded()).name();
        for (int n : py.byCores().keySet()) {
            List<BenchmarkResult> entries = py.convoy(n);
            for (BenchmarkResult entry : entries) {
                int threads = ConvoyResults.parseInt(entry.param("cpuThreads"));
                int micros = ConvoyResults.parseInt(entry.param("switchIntervalMicros"));
                Optional<SampleStats> pyAlone = entries.stream().filter(e -> e.param("cpuThreads").equals("0")
                        && e.param("switchIntervalMicros").equals(entry.param("switchIntervalMicros")))
                        .findFirst().map(e -> pyStats(e, level));
                Optional<SampleStats> jvmAlone = jvmConvoy(run, model, 0, micros, n, level);
                // each time printed on the rounds it shares with its run alone, the rounds its slowdown rests on
                SampleStats pyRaw = pyStats(entry, level);
                Optional<SampleStats> jvmRaw = jvmConvoy(run, model, threads, micros, n, level);
                Optional<SharedRounds.Pair> pyPair = pyAlone.map(alone -> SharedRounds.pair(alone, pyRaw));
                Optional<SharedRounds.Pair> jvmPair = jvmRaw.flatMap(cell -> jvmAlone.map(alone -> SharedRounds.pair(alone, cell)));
                SampleStats pyCell = pyPair.map(SharedRounds.Pair::denominator).orElse(pyRaw);
                Optional<SampleStats> jvmCell = jvmPair.map(SharedRounds.Pair::denominator).or(() -> jvmRaw);
                RatioEstimate pySlowdown = pyPair.map(SharedRounds.Pair::ratio).orElse(RatioEstimate.ABSENT);
                RatioEstimate jvmSlowdown = jvmPair.map(SharedRounds.Pair::ratio).orElse(RatioEstimate.ABSENT);
                RatioEstimate ratio = ratio(pySlowdown, jvmSlowdown);
                Finding finding = jvmCell.isEmpty() ? new Finding.JvmMissing()
                        : threads == 0 ? new Finding.Reference() : new Finding.Compared(ratio);
                rows.add(new ConvoyRow(n, micros, threads, pyCell, jvmCell.orElse(null), pySlowdown, jvmSlowdown, ratio,
                        finding));
            }
        }
        return rows;
    }

    /**
     * A cell's speedup over the baseline's sequential time, on the rounds it shares with its
     * sequential baselines (at its own core count and at the baseline's), as the scaling table
     * computes it ({@link ScalingAnalysis#cell}): the JVM's figure here is the one printed there.
     */
    private static RatioEstimate speedup(Optional<SampleStats> cell, Optional<SampleStats> sameCores,
            Optional<SampleStats> base) {
        return cell.isEmpty() || base.isEmpty() ? RatioEstimate.ABSENT
                : ScalingAnalysis.cell("", "", 1, cell.get(), sameCores.orElse(null), base.get()).speedupOverOneCore();
    }

    /** {@code a / b} with the log half-widths added in quadrature; no interval if either lacks one. */
    static RatioEstimate ratio(RatioEstimate a, RatioEstimate b) {
        return RatioEstimate.quotient(a, b);
    }

    /** A CPython benchmark's values, with its round means where its trials came from rounds. */
    private static SampleStats pyStats(BenchmarkResult entry, double level) {
        return SampleStats.of(entry.primary().forks(), entry.rounds(), level);
    }

    /**
     * Whether an estimate's interval is wider than the scaling tables allow a reliable speedup
     * (the same relative half-width), or missing.
     */
    public static boolean tooWide(RatioEstimate r) {
        return !r.hasInterval()
                || (r.high() - r.low()) / 2 > RELIABLE_HALF_WIDTH * Math.abs(r.value());
    }

    /** The JVM's batch time of a model on a workload at a core count, if the run has it. */
    public static Optional<SampleStats> jvmBatch(RunResults run, Model model, String workload, int cores, double level) {
        return run.of(BenchmarkClasses.MODEL, cores).stream()
                .filter(r -> r.method().equals("batch") && r.isEvenBatch() && r.param("model", "").equals(model.name())
                        && r.param("workload", "").equals(workload))
                .findFirst().map(r -> SampleStats.of(r.primary().forks(), r.rounds(), level));
    }

    private static Optional<SampleStats> jvmConvoy(RunResults run, String model, int threads, int micros, int cores,
                                                   double level) {
        return run.of(BenchmarkClasses.CONVOY, cores).stream()
                .filter(r -> r.param("model", "").equals(model)
                        && ConvoyResults.parseInt(r.param("cpuThreads", "-1")) == threads
                        && (model.equals("THREAD_PER_TASK")
                            || ConvoyResults.parseInt(r.param("switchIntervalMicros", "-1")) == micros))
                .findFirst().map(r -> SampleStats.of(r.primary().forks(), r.rounds(), level));
    }
}
