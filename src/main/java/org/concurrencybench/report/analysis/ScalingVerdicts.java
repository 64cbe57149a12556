package org.concurrencybench.report.analysis;

import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a workload's numbers allow to be said, decided by rule so that the words follow the numbers:
 * the fastest model at each core count against the runner-up, where adding cores stops paying
 * (CPU-bound and mixed work), how many waits overlapped (waits), and the GIL's cost. Each verdict
 * carries whether it rests on a cell marked unreliable. The words are {@code sections.Verdicts}'.
 *
 * <p>Two times "differ" only when the interval of their ratio excludes 1 and the ratio is outside
 * {@link #SAME_WITHIN} of 1; the fastest model is "tied" with the runner-up otherwise.
 */
public final class ScalingVerdicts {

    /** A ratio within this fraction of 1 reads as "no difference", whatever its interval. */
    public static final double SAME_WITHIN = 0.02;

    /** Doubling the cores must buy at least this much more throughput to count as "paying". */
    public static final double PAYING_GAIN = 0.10;

    /** Overlap factors within this factor of a group's largest share its line. */
    static final double OVERLAP_GROUP_FACTOR = 1.5;

    /** The fastest model at one core count; {@code lead} is the runner-up's time over its (absent without one). */
    public record Fastest(int cores, String model, String runnerUp, RatioEstimate lead, boolean tied, boolean reliable) {
    }

    /** What adding cores does for a model. */
    public enum Trend { STILL_GAINING, STOPS_PAYING, SLOWER_THAN_SEQUENTIAL }

    /**
     * A model's scaling: its trend, the core count after which it stops paying and the gain of
     * the next step (else 0 and NaN), and its speedup over SEQUENTIAL at its most cores.
     */
    public record Scaling(String model, Trend trend, int stopsAfter, double nextGain, int mostCores,
            RatioEstimate speedup, boolean reliable) {
    }

    /** A model's overlap factor (SEQUENTIAL's time over its, same cores) at the most cores. */
    public record Overlap(String model, int cores, RatioEstimate factor, boolean reliable) {
    }

    /** GLOBAL_LOCK's time over FIXED_POOL's at one core count. */
    public record GilCost(int cores, RatioEstimate cost, double gilMillis, double poolMillis, boolean reliable) {
        public boolean differs() {
            return ScalingVerdicts.differs(cost);
        }
    }

    private ScalingVerdicts() {
    }

    /** Whether a ratio says two things differ: its interval excludes 1 and it is outside {@link #SAME_WITHIN}. */
    public static boolean differs(RatioEstimate ratio) {
        if (!ratio.present() || Math.abs(Math.log(ratio.value())) <= Math.log(1 + SAME_WITHIN)) {
            return false;
        }
        return ratio.hasInterval() && (ratio.low() > 1 || ratio.high() < 1);
    }

    /** Per core count, the fastest model and how far ahead of the runner-up. */
    public static List<Fastest> fastest(WorkloadScaling workload) {
        List<Fastest> verdicts = new ArrayList<>();
        for (int count : workload.cores()) {
            List<ScalingCell> ranked = workload.models().stream().flatMap(m -> workload.cell(m, count).stream())
                    .sorted(Comparator.comparingDouble(cell -> cell.time().mean())).toList();
            ScalingCell first = ranked.get(0);
            if (ranked.size() == 1) {
                verdicts.add(new Fastest(count, first.model(), null, RatioEstimate.ABSENT, false, first.reliable()));
                continue;
            }
            ScalingCell second = ranked.get(1);
            RatioEstimate lead = RatioEstimate.withinRun(second.time(), first.time());
            boolean tied = tied(first.time(), second.time()) || !differs(lead);
            verdicts.add(new Fastest(count, first.model(), second.model(), lead, tied,
                    first.reliable() && second.reliable()));
        }
        return verdicts;
    }

    /**
     * Whether the runner-up is not shown slower than the fastest: in a run made in rounds, the
     * interval of their ratio, paired by round, holds 1; otherwise their intervals overlap.
     */
    public static boolean tied(SampleStats fastest, SampleStats runnerUp) {
        RatioEstimate ratio = RatioEstimate.withinRun(runnerUp, fastest);
        if (!fastest.roundMeans().isEmpty() && ratio.hasInterval()) {
            return ratio.low() <= 1 && ratio.high() >= 1;
        }
        return fastest.hasInterval() && runnerUp.hasInterval() && fastest.high() >= runnerUp.low()
                && runnerUp.high() >= fastest.low();
    }

    /**
     * Every model but SEQUENTIAL with a verdict, grouped by verdict (trend, where it stops,
     * reliability), in model order; models slower than SEQUENTIAL are split where their speedups
     * lie further apart than {@link #OVERLAP_GROUP_FACTOR} (2% slower and 5x slower are not one
     * finding), fastest first.
     */
    public static List<List<Scaling>> scaling(WorkloadScaling workload) {
        List<List<Scaling>> split = new ArrayList<>();
        for (List<Scaling> group : byVerdict(workload)) {
            if (group.get(0).trend() == Trend.SLOWER_THAN_SEQUENTIAL) {
                split.addAll(cluster(group, s -> s.speedup().value()));
            } else {
                split.add(group);
            }
        }
        return split;
    }

    /** Values largest first, cut where the next is below the current group's largest over {@link #OVERLAP_GROUP_FACTOR}. */
    static <T> List<List<T>> cluster(List<T> items, java.util.function.ToDoubleFunction<T> value) {
        List<T> sorted = items.stream().sorted(Comparator.comparingDouble(value).reversed()).toList();
        List<List<T>> groups = new ArrayList<>();
        for (T item : sorted) {
            List<T> current = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (current == null || value.applyAsDouble(current.get(0)) > OVERLAP_GROUP_FACTOR * value.applyAsDouble(item)) {
                current = new ArrayList<>();
                groups.add(current);
            }
            current.add(item);
        }
        return groups;
    }

    private static List<List<Scaling>> byVerdict(WorkloadScaling workload) {
        Map<String, List<Scaling>> groups = new LinkedHashMap<>();
        for (String model : workload.models()) {
            if (model.equals(ScalingAnalysis.BASELINE)) {
                continue;
            }
            scalingOf(workload, model).ifPresent(s -> groups.computeIfAbsent(s.trend() + "/" + s.stopsAfter() + "/"
                    + s.mostCores() + "/" + s.reliable(), k -> new ArrayList<>()).add(s));
        }
        return List.copyOf(groups.values());
    }

    static Optional<Scaling> scalingOf(WorkloadScaling workload, String model) {
        List<ScalingCell> cells = workload.series(model);
        ScalingCell last = cells.get(cells.size() - 1);
        boolean reliable = cells.stream().allMatch(ScalingCell::reliable) && workload.cell(ScalingAnalysis.BASELINE,
                last.cores()).map(ScalingCell::reliable).orElse(true);
        RatioEstimate speedup = last.speedupSameCores();
        if (speedup.present() && speedup.value() < 1 && differs(speedup)) {
            return Optional.of(new Scaling(model, Trend.SLOWER_THAN_SEQUENTIAL, 0, Double.NaN, last.cores(), speedup,
                    reliable));
        }
        if (cells.size() < 2) {
            return Optional.empty();
        }
        for (int i = 1; i < cells.size(); i++) {
            ScalingCell before = cells.get(i - 1);
            ScalingCell after = cells.get(i);
            double gain = after.throughput() / before.throughput() - 1;
            double wanted = PAYING_GAIN * Math.log(after.cores() / (double) before.cores()) / Math.log(2);
            if (gain < wanted) {
                return Optional.of(new Scaling(model, Trend.STOPS_PAYING, before.cores(), gain, last.cores(), speedup,
                        reliable));
            }
        }
        return Optional.of(new Scaling(model, Trend.STILL_GAINING, 0, Double.NaN, last.cores(), speedup, reliable));
    }

    /**
     * Every model's overlap factor at the workload's most cores, largest first, in groups whose
     * factors lie within {@link #OVERLAP_GROUP_FACTOR} of the group's largest; SEQUENTIAL left out.
     */
    public static List<List<Overlap>> overlaps(WorkloadScaling workload) {
        int cores = workload.mostCores();
        List<Overlap> all = workload.models().stream().filter(m -> !m.equals(ScalingAnalysis.BASELINE))
                .flatMap(m -> workload.cell(m, cores).stream())
                .filter(cell -> cell.speedupSameCores().present())
                .map(cell -> new Overlap(cell.model(), cores, cell.speedupSameCores(), cell.reliable()
                        && workload.cell(ScalingAnalysis.BASELINE, cores).map(ScalingCell::reliable).orElse(true)))
                .toList();
        return cluster(all, o -> o.factor().value());
    }

    /** GLOBAL_LOCK's time over FIXED_POOL's at the fewest and the most cores both ran. */
    public static List<GilCost> gilCost(WorkloadScaling workload) {
        List<Integer> shared = workload.cores().stream()
                .filter(c -> workload.cell("GLOBAL_LOCK", c).isPresent() && workload.cell("FIXED_POOL", c).isPresent())
                .toList();
        List<GilCost> costs = new ArrayList<>();
        for (int cores : shared.size() <= 1 ? shared : List.of(shared.get(0), shared.get(shared.size() - 1))) {
            ScalingCell gil = workload.cell("GLOBAL_LOCK", cores).orElseThrow();
            ScalingCell pool = workload.cell("FIXED_POOL", cores).orElseThrow();
            costs.add(new GilCost(cores, RatioEstimate.withinRun(gil.time(), pool.time()), gil.time().mean(),
                    pool.time().mean(), gil.reliable() && pool.reliable()));
        }
        return costs;
    }
}
