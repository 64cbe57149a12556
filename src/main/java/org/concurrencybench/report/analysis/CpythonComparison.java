package org.concurrencybench.report.analysis;

import org.concurrencybench.report.input.BenchmarkClasses;

import org.concurrencybench.report.input.CpythonResults;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;

import org.concurrencybench.results.CpythonPairing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concurrencybench.model.Model;

/**
 * The simulation against the real thing, figure by figure. For batches: each CPython form's speedup
 * over its own sequential code beside its paired model's speedup over the JVM's SEQUENTIAL (both
 * against the baseline at the fewest cores both sides ran, 1 where the run has it), their ratio
 * and a verdict. For the convoy: round trips per second and the slowdown factor (alone over beside
 * k CPU-bound threads) on each side, per core count and switch interval.
 *
 * <p>The ratio of two speedups {@code a/b} gets the interval of its relative half-widths added in
 * quadrature, {@code r (1 +- sqrt(h_a^2 + h_b^2))}, the delta method for independent estimates, as
 * {@link RatioEstimate} does for a ratio of means. Verdict: "agrees" when that interval holds 1;
 * otherwise by how much CPython's figure differs, flagged when more than 2x either way.
 */
public final class CpythonComparison {

    /** Beyond this factor either way a difference is flagged for explanation (issue 11, item 4). */
    public static final double FLAG_FACTOR = 2.0;

    /** One form at one core count: the two speedups, their ratio and the verdict; {@code note} when a side has none. */
    public record SpeedupRow(String workload, String form, String model, int cores, RatioEstimate cpython, RatioEstimate jvm,
                      RatioEstimate ratio, String verdict) {
    }

    /** One convoy setting on both sides: round trips per second and slowdown factors. */
    public record ConvoyRow(int cores, int switchMicros, int cpuThreads, SampleStats cpython, SampleStats jvm,
                     RatioEstimate cpythonSlowdown, RatioEstimate jvmSlowdown, RatioEstimate ratio, String verdict) {
    }

    private CpythonComparison() {
    }

    public static List<SpeedupRow> speedups(RunResults run, CpythonResults py, String workload, double level) {
        List<SpeedupRow> rows = new ArrayList<>();
        List<Integer> cores = py.byCores().keySet().stream().toList();
        int base = cores.get(0);
        Optional<SampleStats> pyBase = py.batch(base, CpythonPairing.SEQUENTIAL, workload)
                .map(e -> SampleStats.of(e.samples(), level));
        Optional<SampleStats> jvmBase = jvmBatch(run, Model.SEQUENTIAL, workload, base, level);
        for (Map.Entry<String, Model> pair : CpythonPairing.forms(py.freeThreaded()).entrySet()) {
            String form = pair.getKey();
            Model model = pair.getValue();
            for (int n : cores) {
                Optional<SampleStats> pyCell = py.batch(n, form, workload).map(e -> SampleStats.of(e.samples(), level));
                Optional<SampleStats> jvmCell = jvmBatch(run, model, workload, n, level);
                Optional<String> failure = py.batchFailure(n, form, workload);
                if (pyCell.isEmpty() && jvmCell.isEmpty() && failure.isEmpty()) {
                    continue;
                }
                RatioEstimate pySpeedup = pyCell.isPresent() && pyBase.isPresent()
                        ? RatioEstimate.of(pyBase.get(), pyCell.get()) : RatioEstimate.ABSENT;
                RatioEstimate jvmSpeedup = jvmCell.isPresent() && jvmBase.isPresent()
                        ? RatioEstimate.of(jvmBase.get(), jvmCell.get()) : RatioEstimate.ABSENT;
                RatioEstimate ratio = ratio(pySpeedup, jvmSpeedup);
                String verdict = failure.isPresent() ? "FAILED (CPython): " + failure.get()
                        : pyCell.isEmpty() ? "SKIPPED: CPython did not run " + form
                        : jvmCell.isEmpty() ? "SKIPPED: the JVM did not run " + model
                        : pyBase.isEmpty() || jvmBase.isEmpty() ? "no sequential baseline at " + Numbers.cores(base)
                        : verdict(ratio);
                rows.add(new SpeedupRow(workload, form, model.name(), n, pySpeedup, jvmSpeedup, ratio, verdict));
            }
        }
        return rows;
    }

    public static List<ConvoyRow> convoy(RunResults run, CpythonResults py, double level) {
        List<ConvoyRow> rows = new ArrayList<>();
        String model = CpythonPairing.convoyModel(py.freeThreaded()).name();
        for (int n : py.byCores().keySet()) {
            List<CpythonResults.Entry> entries = py.convoy(n);
            for (CpythonResults.Entry entry : entries) {
                int threads = ConvoyResults.parseInt(entry.param("cpuThreads"));
                int micros = ConvoyResults.parseInt(entry.param("switchIntervalMicros"));
                SampleStats pyCell = SampleStats.of(entry.samples(), level);
                Optional<SampleStats> pyAlone = entries.stream().filter(e -> e.param("cpuThreads").equals("0")
                        && e.param("switchIntervalMicros").equals(entry.param("switchIntervalMicros")))
                        .findFirst().map(e -> SampleStats.of(e.samples(), level));
                Optional<SampleStats> jvmCell = jvmConvoy(run, model, threads, micros, n, level);
                Optional<SampleStats> jvmAlone = jvmConvoy(run, model, 0, micros, n, level);
                RatioEstimate pySlowdown = pyAlone.map(alone -> RatioEstimate.of(alone, pyCell)).orElse(RatioEstimate.ABSENT);
                RatioEstimate jvmSlowdown = jvmAlone.isPresent() && jvmCell.isPresent()
                        ? RatioEstimate.of(jvmAlone.get(), jvmCell.get()) : RatioEstimate.ABSENT;
                RatioEstimate ratio = ratio(pySlowdown, jvmSlowdown);
                String verdict = jvmCell.isEmpty() ? "SKIPPED: the JVM did not run the convoy at " + Numbers.cores(n)
                        : threads == 0 ? "reference (alone)" : verdict(ratio);
                rows.add(new ConvoyRow(n, micros, threads, pyCell, jvmCell.orElse(null), pySlowdown, jvmSlowdown, ratio,
                        verdict));
            }
        }
        return rows;
    }

    /** {@code a / b} with the relative half-widths added in quadrature; no interval if either lacks one. */
    static RatioEstimate ratio(RatioEstimate a, RatioEstimate b) {
        if (!a.present() || !b.present() || b.value() == 0) {
            return RatioEstimate.ABSENT;
        }
        double r = a.value() / b.value();
        if (!a.hasInterval() || !b.hasInterval()) {
            return new RatioEstimate(r, Double.NaN, Double.NaN);
        }
        double ha = (a.high() - a.low()) / (2 * a.value());
        double hb = (b.high() - b.low()) / (2 * b.value());
        double h = Math.sqrt(ha * ha + hb * hb);
        return new RatioEstimate(r, r * (1 - h), r * (1 + h));
    }

    /** "agrees within the interval", or by how much CPython's figure differs from the simulation's. */
    static String verdict(RatioEstimate ratio) {
        if (!ratio.present()) {
            return Numbers.ABSENT;
        }
        if (ratio.hasInterval() && ratio.low() <= 1 && 1 <= ratio.high()) {
            return "agrees within the interval";
        }
        double r = ratio.value();
        String by = r >= 1 ? "CPython's is " + Numbers.format(r) + "x the simulation's"
                : "CPython's is 1/" + Numbers.format(1 / r) + " of the simulation's";
        String flag = Math.max(r, 1 / r) > FLAG_FACTOR ? "; differs by more than " + Numbers.format(FLAG_FACTOR) + "x" : "";
        return (ratio.hasInterval() ? "differs: " : "differs (no interval): ") + by + flag;
    }

    private static Optional<SampleStats> jvmBatch(RunResults run, Model model, String workload, int cores, double level) {
        return run.of(BenchmarkClasses.MODEL, cores).stream()
                .filter(r -> r.method().equals("batch") && r.param("model", "").equals(model.name())
                        && r.param("workload", "").equals(workload))
                .findFirst().map(r -> SampleStats.of(r.primary().samples(), level));
    }

    private static Optional<SampleStats> jvmConvoy(RunResults run, String model, int threads, int micros, int cores,
                                                   double level) {
        return run.of(BenchmarkClasses.CONVOY, cores).stream()
                .filter(r -> r.param("model", "").equals(model)
                        && ConvoyResults.parseInt(r.param("cpuThreads", "-1")) == threads
                        && (model.equals("THREAD_PER_TASK")
                            || ConvoyResults.parseInt(r.param("switchIntervalMicros", "-1")) == micros))
                .findFirst().map(r -> SampleStats.of(r.primary().samples(), level));
    }
}
