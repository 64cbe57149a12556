package org.concurrencybench.report.analysis;

import org.concurrencybench.report.stats.Decision;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SharedRounds;
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
 * <p>Every verdict is {@link Decision}'s three-way answer on a ratio's interval (paired by round
 * where the cells share rounds): against {@link #SAME_WITHIN} for "faster", "tied" (the same within
 * it, never an unresolved pair) and the GIL's cost; against {@link #PAYING_GAIN} per doubling for
 * "still gaining" and "stops paying". Where the interval decides nothing, the verdict says we
 * cannot tell, and why.
 */
public final class ScalingVerdicts {

    /** The noise floor of verdicts inside a run: a ratio whose interval lies within this fraction of 1 is "the same". */
    public static final double SAME_WITHIN = 0.02;

    /** Doubling the cores must buy at least this much more throughput to count as "paying". */
    public static final double PAYING_GAIN = 0.10;

    /** Overlap factors within this factor of a group's largest share its line. */
    static final double OVERLAP_GROUP_FACTOR = 1.5;

    /**
     * The fastest model at one core count; {@code lead} is the runner-up's time over its (absent
     * without one) and {@code decision} that ratio read against {@link #SAME_WITHIN}: HIGHER, the
     * model is fastest; SAME, the two are tied; CANNOT_TELL, which is fastest is not known.
     */
    public record Fastest(int cores, String model, String runnerUp, RatioEstimate lead, Decision decision,
            boolean reliable) {
        /** Tied: the same within the floor, and nothing else. */
        public boolean tied() {
            return decision.same();
        }
    }

    /** What adding cores does for a model; UNDECIDED: an interval that cannot tell whether a step pays. */
    public enum Trend { STILL_GAINING, STOPS_PAYING, UNDECIDED, SLOWER_THAN_SEQUENTIAL }

    /**
     * A model's scaling: its trend, the core count after which it stops paying (or after which we
     * cannot tell) and the gain of that next step (else 0 and NaN), and its speedup over
     * SEQUENTIAL at its most cores. {@code reason}: why an UNDECIDED step could not be told (else empty).
     */
    public record Scaling(String model, Trend trend, int stopsAfter, double nextGain, int mostCores,
            RatioEstimate speedup, boolean reliable, String reason) {
    }

    /** A model's overlap factor (SEQUENTIAL's time over its, same cores) at the most cores. */
    public record Overlap(String model, int cores, RatioEstimate factor, boolean reliable) {
    }

    /** GLOBAL_LOCK's time over FIXED_POOL's at one core count. */
    public record GilCost(int cores, RatioEstimate cost, double gilMillis, double poolMillis, boolean reliable) {
        /** HIGHER: the lock costs; LOWER: it is faster; SAME: no cost beyond the floor; else we cannot tell. */
        public Decision decision() {
            return ScalingVerdicts.decide(cost);
        }
    }

    /**
     * SEQUENTIAL's own time at {@code cores} against at 1 core, where it changed beyond
     * {@link #SAME_WITHIN}: every speedup "at the same cores" there is over a moved baseline.
     * {@code oneCoreOverThis} is its 1-core time over its time here (paired by round; below 1: slower
     * here); {@code reason} what moves it where the suite knows (empty otherwise).
     */
    public record BaselineShift(int cores, RatioEstimate oneCoreOverThis, double oneCoreMillis, double millis,
            Decision decision, String reason) {
    }

    /** Why SEQUENTIAL's time moves with the core count, per workload, where the suite knows. */
    static final Map<String, String> BASELINE_SHIFT_REASONS = Map.of("IO", "one connection's round trips cross cores:"
            + " at 1 core the client and the echo server hand each message over on one core");

    private ScalingVerdicts() {
    }

    /** Each core count above 1 at which SEQUENTIAL's time changed from its 1-core time beyond {@link #SAME_WITHIN}. */
    public static List<BaselineShift> baselineShifts(WorkloadScaling workload) {
        List<BaselineShift> shifts = new ArrayList<>();
        Optional<ScalingCell> one = workload.cell(ScalingAnalysis.BASELINE, 1);
        if (one.isEmpty()) {
            return shifts;
        }
        String reason = BASELINE_SHIFT_REASONS.getOrDefault(workload.group().split(" ", 2)[0], "");
        for (ScalingCell cell : workload.series(ScalingAnalysis.BASELINE)) {
            Decision decision = decide(cell.speedupOverOneCore());
            if (cell.cores() > 1 && decision.changed()) {
                shifts.add(new BaselineShift(cell.cores(), cell.speedupOverOneCore(), one.get().time().mean(),
                        cell.time().mean(), decision, reason));
            }
        }
        return shifts;
    }

    /** A ratio of two cells of this run read against {@link #SAME_WITHIN}. */
    public static Decision decide(RatioEstimate ratio) {
        return Decision.of(ratio, SAME_WITHIN);
    }

    /** Per core count, the fastest model and how far ahead of the runner-up. */
    public static List<Fastest> fastest(WorkloadScaling workload) {
        List<Fastest> verdicts = new ArrayList<>();
        for (int count : workload.cores()) {
            List<ScalingCell> ranked = workload.models().stream().flatMap(m -> workload.cell(m, count).stream())
                    .sorted(Comparator.comparingDouble(cell -> cell.time().mean())).toList();
            ScalingCell first = ranked.get(0);
            if (ranked.size() == 1) {
                verdicts.add(new Fastest(count, first.model(), null, RatioEstimate.ABSENT,
                        new Decision(Decision.Answer.CANNOT_TELL, "the only model"), first.reliable()));
                continue;
            }
            ScalingCell second = ranked.get(1);
            RatioEstimate lead = RatioEstimate.withinRun(second.time(), first.time());
            if (lead.present() && lead.value() < 1) { // paired by round, the runner-up by the means leads
                ScalingCell swap = first;
                first = second;
                second = swap;
                lead = RatioEstimate.withinRun(second.time(), first.time());
            }
            verdicts.add(new Fastest(count, first.model(), second.model(), lead, decide(lead),
                    first.reliable() && second.reliable()));
        }
        return verdicts;
    }

    /** Whether the runner-up's time is shown the same as the fastest's within {@link #SAME_WITHIN}: "tied". */
    public static boolean tied(SampleStats fastest, SampleStats runnerUp) {
        return decide(RatioEstimate.withinRun(runnerUp, fastest)).same();
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
                    + s.mostCores() + "/" + s.reliable() + "/" + s.reason(), k -> new ArrayList<>()).add(s));
        }
        return List.copyOf(groups.values());
    }

    static Optional<Scaling> scalingOf(WorkloadScaling workload, String model) {
        List<ScalingCell> cells = workload.series(model);
        ScalingCell last = cells.get(cells.size() - 1);
        boolean reliable = cells.stream().allMatch(ScalingCell::reliable) && workload.cell(ScalingAnalysis.BASELINE,
                last.cores()).map(ScalingCell::reliable).orElse(true);
        RatioEstimate speedup = last.speedupSameCores();
        if (decide(speedup).answer() == Decision.Answer.LOWER) {
            return Optional.of(new Scaling(model, Trend.SLOWER_THAN_SEQUENTIAL, 0, Double.NaN, last.cores(), speedup,
                    reliable, ""));
        }
        if (cells.size() < 2) {
            return Optional.empty();
        }
        for (int i = 1; i < cells.size(); i++) {
            ScalingCell before = cells.get(i - 1);
            ScalingCell after = cells.get(i);
            RatioEstimate gain = RatioEstimate.withinRun(before.time(), after.time());
            double wanted = PAYING_GAIN * Math.log(after.cores() / (double) before.cores()) / Math.log(2);
            Optional<Boolean> pays = pays(gain, wanted);
            if (pays.isEmpty() || !pays.get()) {
                Trend trend = pays.isEmpty() ? Trend.UNDECIDED : Trend.STOPS_PAYING;
                String reason = pays.isEmpty() ? Decision.of(gain, wanted).reason() : "";
                return Optional.of(new Scaling(model, trend, before.cores(), gain.value() - 1, last.cores(), speedup,
                        reliable, reason));
            }
        }
        return Optional.of(new Scaling(model, Trend.STILL_GAINING, 0, Double.NaN, last.cores(), speedup, reliable, ""));
    }

    /**
     * Whether a step's throughput gain (the time before over the time after) pays at least
     * {@code wanted}: yes when its whole interval lies above {@code 1 + wanted} ({@link Decision}'s
     * HIGHER against that floor), no when its whole interval lies below it, empty (we cannot tell)
     * when the interval holds {@code 1 + wanted} or there is none.
     */
    static Optional<Boolean> pays(RatioEstimate gain, double wanted) {
        if (Decision.of(gain, wanted).answer() == Decision.Answer.HIGHER) {
            return Optional.of(true);
        }
        if (gain.hasInterval() && gain.low() > 0 && gain.high() < 1 + wanted) {
            return Optional.of(false);
        }
        return Optional.empty();
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
            SharedRounds.Pair pair = SharedRounds.pair(gil.time(), pool.time()); // the times printed beside the cost
            costs.add(new GilCost(cores, pair.ratio(), pair.numerator().mean(), pair.denominator().mean(),
                    gil.reliable() && pool.reliable()));
        }
        return costs;
    }
}
