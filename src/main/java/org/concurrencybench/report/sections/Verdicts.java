package org.concurrencybench.report.sections;

import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;
import org.concurrencybench.report.stats.ScalingFit;

import org.concurrencybench.results.CpuLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The plain-language reading of one workload's results: which model is fastest at each core count
 * (and whether the runner-up is within the interval), where adding cores stops paying for each
 * model, and what the simulated GIL costs against the same pool without it.
 */
public final class Verdicts {

    /** Doubling the cores must buy at least this much more throughput to count as "paying". */
    static final double PAYING_GAIN = 0.10;

    private Verdicts() {
    }

    public static List<String> of(WorkloadScaling workload) {
        return of(workload, List.of());
    }

    /** The verdicts, with the hardware boundary where a model's scaling bends named ({@link BoundaryBends}). */
    public static List<String> of(WorkloadScaling workload, List<CpuLayout.Boundary> boundaries) {
        List<String> verdicts = new ArrayList<>();
        verdicts.add(fastest(workload));
        for (String model : workload.models()) {
            if (!model.equals(ScalingAnalysis.BASELINE) && workload.series(model).size() > 1) {
                verdicts.add(scalingStops(workload, model));
                BoundaryBends.of(workload.series(model), boundaries).ifPresent(bend -> verdicts.add(model + ": " + bend));
            }
        }
        gilCost(workload).ifPresent(verdicts::add);
        if (!workload.hasBaseline()) {
            verdicts.add("No SEQUENTIAL baseline in this run: speedups, efficiency and Karp-Flatt are absent.");
        }
        return verdicts;
    }

    /**
     * Which model is fastest, with runs of consecutive core counts that share a winner compressed:
     * "FIXED_POOL is fastest at every core count from 1 to 32", or "... from 1 to 4 cores;
     * VIRTUAL_THREADS from 8 to 32 cores", and where the runner-up is within the interval.
     */
    static String fastest(WorkloadScaling workload) {
        List<Integer> cores = List.copyOf(workload.cores());
        List<String> winners = new ArrayList<>();
        List<String> ties = new ArrayList<>();
        for (int count : cores) {
            List<ScalingCell> ranked = workload.models().stream().flatMap(m -> workload.cell(m, count).stream())
                    .sorted(Comparator.comparingDouble(cell -> cell.time().mean())).toList();
            winners.add(ranked.get(0).model());
            if (ranked.size() > 1 && tied(ranked.get(0).time(), ranked.get(1).time())) {
                ties.add(Numbers.cores(count) + " with " + ranked.get(1).model());
            }
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= cores.size(); i++) {
            if (i == cores.size() || !winners.get(i).equals(winners.get(start))) {
                parts.add(winners.get(start) + " " + span(cores, start, i - 1, parts.isEmpty()));
                start = i;
            }
        }
        String sentence = String.join("; ", parts);
        if (parts.size() == 1 && cores.size() > 2) {
            sentence = winners.get(0) + " is fastest at every core count from " + cores.get(0) + " to "
                    + cores.get(cores.size() - 1);
        }
        return sentence + (ties.isEmpty() ? "" : " (tied within the interval at " + String.join(", ", ties) + ")")
                + ".";
    }

    /** "is fastest at 2 cores", "from 1 to 4 cores", "at 1 and 2 cores". */
    private static String span(List<Integer> cores, int from, int to, boolean first) {
        String lead = first ? "is fastest " : "";
        if (from == to) {
            return lead + "at " + Numbers.cores(cores.get(from));
        }
        if (to == from + 1) {
            return lead + "at " + cores.get(from) + " and " + cores.get(to) + " cores";
        }
        return lead + "from " + cores.get(from) + " to " + cores.get(to) + " cores";
    }

    /**
     * Whether the runner-up is not shown slower than the fastest: in a run made in rounds, the
     * interval of their ratio, paired by round, holds 1; otherwise their intervals overlap.
     */
    static boolean tied(SampleStats fastest, SampleStats runnerUp) {
        RatioEstimate ratio = RatioEstimate.withinRun(runnerUp, fastest);
        if (!fastest.roundMeans().isEmpty() && ratio.hasInterval()) {
            return ratio.low() <= 1 && ratio.high() >= 1;
        }
        return fastest.hasInterval() && runnerUp.hasInterval() && fastest.high() >= runnerUp.low()
                && runnerUp.high() >= fastest.low();
    }

    static String scalingStops(WorkloadScaling workload, String model) {
        List<ScalingCell> cells = workload.series(model);
        for (int i = 1; i < cells.size(); i++) {
            ScalingCell before = cells.get(i - 1);
            ScalingCell after = cells.get(i);
            double gain = after.throughput() / before.throughput() - 1;
            double wanted = PAYING_GAIN * Math.log(after.cores() / (double) before.cores()) / Math.log(2);
            if (gain < wanted) {
                return model + ": scaling stops paying after " + Numbers.cores(before.cores()) + " (going to " + after.cores()
                        + " changed throughput by " + Numbers.signedPercent(gain * 100) + ")" + uslPeak(workload, model)
                        + ".";
            }
        }
        return model + ": still gains at least " + Numbers.percent(PAYING_GAIN) + " per doubling up to "
                + cells.get(cells.size() - 1).cores() + " cores, the most measured" + uslPeak(workload, model) + ".";
    }

    private static String uslPeak(WorkloadScaling workload, String model) {
        ScalingFit usl = workload.uslFits().get(model);
        if (usl == null || !usl.fitted() || Double.isInfinite(usl.peakCores())) {
            return "";
        }
        return "; the USL fit puts its peak at " + Numbers.format(usl.peakCores()) + " cores";
    }

    /** GLOBAL_LOCK's time over FIXED_POOL's, at 1 core and at the most cores both ran. */
    static Optional<String> gilCost(WorkloadScaling workload) {
        List<Integer> shared = workload.cores().stream()
                .filter(c -> workload.cell("GLOBAL_LOCK", c).isPresent() && workload.cell("FIXED_POOL", c).isPresent())
                .toList();
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (int cores : shared.size() == 1 ? shared : List.of(shared.get(0), shared.get(shared.size() - 1))) {
            SampleStats gilTime = workload.cell("GLOBAL_LOCK", cores).get().time();
            SampleStats poolTime = workload.cell("FIXED_POOL", cores).get().time();
            RatioEstimate cost = RatioEstimate.withinRun(gilTime, poolTime);
            String interval = cost.hasInterval() ? " [" + Numbers.format(cost.low()) + ", " + Numbers.format(cost.high()) + "]"
                    : "";
            parts.add(Numbers.format(cost.value()) + "x" + interval + " FIXED_POOL's time at " + Numbers.cores(cores) + " ("
                    + Numbers.format(gilTime.mean()) + " vs " + Numbers.format(poolTime.mean()) + " ms)");
        }
        return Optional.of("The GIL's cost: GLOBAL_LOCK (the same pool under a simulated GIL) takes "
                + String.join(", and ", parts) + ".");
    }
}
