package org.concurrencybench.report.sections;

import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.ScalingVerdicts;
import org.concurrencybench.report.analysis.ScalingVerdicts.Fastest;
import org.concurrencybench.report.analysis.ScalingVerdicts.GilCost;
import org.concurrencybench.report.analysis.ScalingVerdicts.Overlap;
import org.concurrencybench.report.analysis.ScalingVerdicts.Scaling;
import org.concurrencybench.report.analysis.WorkloadKind;
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
import java.util.function.ToDoubleFunction;

/**
 * The plain-language reading of one workload's results, in the words of the rules that
 * {@link ScalingVerdicts} applies: which model is fastest at each core count and by how much over
 * the runner-up (or tied), what adding cores does for each group of models that share a verdict
 * (CPU-bound and mixed work) or how many waits overlapped (waits), and what the simulated GIL
 * costs. A verdict that rests on a cell marked unreliable carries the mark {@link #UNRELIABLE},
 * which the legend under the workload's table decodes once (not a clause after every line).
 */
public final class Verdicts {

    static final String UNRELIABLE = FirstScreen.UNRELIABLE_MARK;
    /** The answers' first words where no cell of the workload is reliable: said once instead of after each clause. */
    static final String EVERY_CELL_UNRELIABLE = "Every cell here is marked unreliable (see its table): read these as a"
            + " ranking. ";

    private Verdicts() {
    }

    public static List<String> of(WorkloadScaling workload) {
        return of(workload, List.of());
    }

    /** The verdicts, with the hardware boundary where a model's scaling bends named ({@link BoundaryBends}). */
    public static List<String> of(WorkloadScaling workload, List<CpuLayout.Boundary> boundaries) {
        List<String> verdicts = new ArrayList<>();
        verdicts.add(fastest(workload));
        if (WorkloadKind.of(workload.group()) == WorkloadKind.WAITS) {
            overlap(workload).ifPresent(verdicts::add);
        } else {
            verdicts.addAll(scaling(workload));
            for (String model : workload.models().stream().filter(m -> !m.equals(ScalingAnalysis.BASELINE)).toList()) {
                BoundaryBends.of(workload.series(model), boundaries).ifPresent(bend -> verdicts.add(model + ": " + bend));
            }
        }
        baselineShift(workload).ifPresent(verdicts::add);
        gilCost(workload).ifPresent(verdicts::add);
        if (!workload.hasBaseline()) {
            verdicts.add("No SEQUENTIAL baseline in this run: speedups, efficiency and Karp-Flatt are absent.");
        }
        return verdicts;
    }

    /** At most four lines: the fastest, what cores or overlap do, a baseline that moved, the GIL's cost. */
    public static List<String> answers(WorkloadScaling workload) {
        List<String> lines = new ArrayList<>();
        lines.add(fastest(workload));
        if (WorkloadKind.of(workload.group()) == WorkloadKind.WAITS) {
            overlap(workload).ifPresent(lines::add);
        } else {
            List<String> scaling = scaling(workload);
            if (!scaling.isEmpty()) {
                lines.add(String.join(" ", scaling));
            }
        }
        baselineShift(workload).ifPresent(lines::add);
        gilCost(workload).ifPresent(lines::add);
        boolean everyCellUnreliable = workload.models().stream().flatMap(m -> workload.series(m).stream())
                .noneMatch(ScalingCell::reliable);
        if (everyCellUnreliable) { // said once, not after every clause
            lines.replaceAll(line -> line.replace(UNRELIABLE, ""));
            lines.set(0, EVERY_CELL_UNRELIABLE + lines.get(0));
        }
        return lines;
    }

    /**
     * "Fastest at 1 core: SEQUENTIAL, ahead of FORK_JOIN by 1.05x [1.03, 1.07]; at 2 cores: A and B
     * tied, the same within 2% (...); at 4 cores: we cannot tell which is fastest, A or B (interval
     * straddles the noise floor): 1.02x [0.99, 1.05]."
     */
    static String fastest(WorkloadScaling workload) {
        List<String> parts = new ArrayList<>();
        for (Fastest f : ScalingVerdicts.fastest(workload)) {
            String at = (parts.isEmpty() ? "Fastest at " : "at ") + Numbers.cores(f.cores()) + ": ";
            String what = f.runnerUp() == null ? f.model() + ", the only model" : switch (f.decision().answer()) {
                case HIGHER, LOWER -> f.model() + ", ahead of " + f.runnerUp() + " by " + times(f.lead());
                case SAME -> f.model() + " and " + f.runnerUp() + " tied, the same within "
                        + Numbers.percent(ScalingVerdicts.SAME_WITHIN) + " (" + times(f.lead()) + ")";
                case CANNOT_TELL -> "we cannot tell which is fastest, " + f.model() + " or " + f.runnerUp() + " ("
                        + f.decision().reason() + "): " + f.model() + " first by " + times(f.lead());
            };
            parts.add(at + what + (f.reliable() ? "" : UNRELIABLE));
        }
        return String.join("; ", parts) + ".";
    }

    /** One sentence per group of models that share a scaling verdict. */
    static List<String> scaling(WorkloadScaling workload) {
        List<String> sentences = new ArrayList<>();
        for (List<Scaling> group : ScalingVerdicts.scaling(workload)) {
            Scaling first = group.get(0);
            String models = String.join(", ", group.stream().map(Scaling::model).toList());
            String speedups = range(group, s -> s.speedup().value(), Numbers::format) + "x";
            String at = " at " + Numbers.cores(first.mostCores());
            String verdict = switch (first.trend()) {
                case SLOWER_THAN_SEQUENTIAL -> ": slower than SEQUENTIAL" + at + " (" + speedups + " its speed)";
                case STILL_GAINING -> ": " + speedups + " SEQUENTIAL's speed" + at + ", still gaining at least "
                        + Numbers.percent(ScalingVerdicts.PAYING_GAIN) + " per doubling of cores";
                case STOPS_PAYING -> ": " + speedups + " SEQUENTIAL's speed" + at + "; adding cores stops paying after "
                        + Numbers.cores(first.stopsAfter()) + " (the next step changed throughput by "
                        + range(group, s -> s.nextGain() * 100, Numbers::signedPercent) + ", its interval below +"
                        + Numbers.percent(ScalingVerdicts.PAYING_GAIN) + " per doubling)";
                case UNDECIDED -> ": " + speedups + " SEQUENTIAL's speed" + at + "; we cannot tell whether adding cores"
                        + " still pays after " + Numbers.cores(first.stopsAfter()) + " (" + first.reason()
                        + "; the next step changed throughput by "
                        + range(group, s -> s.nextGain() * 100, Numbers::signedPercent) + ")";
            };
            sentences.add(models + verdict + uslPeaks(workload, group) + (first.reliable() ? "" : UNRELIABLE) + ".");
        }
        return sentences;
    }

    /** "; the USL fit peaks at 24 cores (FIXED_POOL)" for the group's models with a fitted, finite peak. */
    private static String uslPeaks(WorkloadScaling workload, List<Scaling> group) {
        List<String> peaks = new ArrayList<>();
        for (Scaling scaling : group) {
            ScalingFit usl = workload.uslFits().get(scaling.model());
            if (usl != null && usl.fitted() && Double.isFinite(usl.peakCores())
                    && WorkloadKind.of(workload.group()).perCoreMetrics(scaling.model())) {
                peaks.add(Numbers.format(usl.peakCores()) + " cores (" + scaling.model() + ")");
            }
        }
        return peaks.isEmpty() ? "" : "; the USL fit peaks at " + String.join(", ", peaks);
    }

    /** "Waits overlapped at 2 cores (...): 44.0-62.2x under A, B; 1.99x under C." for waits. */
    static Optional<String> overlap(WorkloadScaling workload) {
        List<List<Overlap>> groups = ScalingVerdicts.overlaps(workload);
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (List<Overlap> group : groups) {
            String factors = range(group, o -> o.factor().value(), Numbers::format) + "x";
            double largest = group.get(0).factor().value();
            boolean slower = largest < 1 && group.stream().allMatch(o -> ScalingVerdicts.decide(o.factor()).answer()
                    == org.concurrencybench.report.stats.Decision.Answer.LOWER);
            boolean reliable = group.stream().allMatch(Overlap::reliable);
            parts.add(factors + " under " + String.join(", ", group.stream().map(Overlap::model).toList())
                    + (slower ? " (slower than SEQUENTIAL)" : "") + (reliable ? "" : UNRELIABLE));
        }
        return Optional.of("Waits overlapped at " + Numbers.cores(groups.get(0).get(0).cores())
                + " (overlap factor, SEQUENTIAL's time over the model's): " + String.join("; ", parts) + ".");
    }

    /**
     * "SEQUENTIAL itself, the baseline of every figure "at the same cores", takes 2.87x [1.86, 4.31]
     * its 1-core time at 2 cores (67.4 vs 23.4 ms): REASON. Against SEQUENTIAL at 1 core the overlap
     * factors at 2 cores are ..." where SEQUENTIAL's time changed with the core count beyond the
     * floor ({@link ScalingVerdicts#baselineShifts}); said once, with each model's ratio over the
     * unmoved baseline at the most cores it moved at.
     */
    static Optional<String> baselineShift(WorkloadScaling workload) {
        List<ScalingVerdicts.BaselineShift> shifts = ScalingVerdicts.baselineShifts(workload);
        if (shifts.isEmpty()) {
            return Optional.empty();
        }
        List<String> moves = new ArrayList<>();
        for (ScalingVerdicts.BaselineShift shift : shifts) {
            RatioEstimate r = shift.oneCoreOverThis();
            RatioEstimate thisOverOne = new RatioEstimate(1 / r.value(), 1 / r.high(), 1 / r.low());
            moves.add(times(thisOverOne) + " its 1-core time at " + Numbers.cores(shift.cores()) + " ("
                    + Numbers.format(shift.millis()) + " vs " + Numbers.format(shift.oneCoreMillis()) + " ms)");
        }
        ScalingVerdicts.BaselineShift last = shifts.get(shifts.size() - 1);
        boolean waits = WorkloadKind.of(workload.group()) == WorkloadKind.WAITS;
        List<String> againstOne = workload.models().stream().filter(m -> !m.equals(ScalingAnalysis.BASELINE))
                .flatMap(m -> workload.cell(m, last.cores()).stream())
                .filter(cell -> cell.speedupOverOneCore().present())
                .sorted(Comparator.comparingDouble((ScalingCell c) -> c.speedupOverOneCore().value()).reversed())
                .map(cell -> cell.model() + " " + times(cell.speedupOverOneCore())).toList();
        return Optional.of("SEQUENTIAL itself, the baseline of every " + (waits ? "overlap factor" : "speedup")
                + " at the same cores, changes with the core count: it takes " + String.join(", ", moves)
                + (last.reason().isEmpty() ? "" : "; " + last.reason()) + "."
                + (againstOne.isEmpty() ? "" : " Against SEQUENTIAL at 1 core, the " + (waits ? "overlap factors"
                : "speedups") + " at " + Numbers.cores(last.cores()) + " are: " + String.join("; ", againstOne) + "."));
    }

    /** GLOBAL_LOCK's time over FIXED_POOL's, at the fewest and the most cores both ran. */
    static Optional<String> gilCost(WorkloadScaling workload) {
        List<GilCost> costs = ScalingVerdicts.gilCost(workload);
        if (costs.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (GilCost cost : costs) {
            String at = " at " + Numbers.cores(cost.cores());
            String times = times(cost.cost()) + " (" + Numbers.format(cost.gilMillis()) + " vs "
                    + Numbers.format(cost.poolMillis()) + " ms)";
            String part = switch (cost.decision().answer()) {
                case HIGHER -> times + at;
                case LOWER -> "none" + at + ", GLOBAL_LOCK is faster: " + times;
                case SAME -> "none" + at + ", the same within " + Numbers.percent(ScalingVerdicts.SAME_WITHIN) + ": "
                        + times;
                case CANNOT_TELL -> "we cannot tell" + at + " (" + cost.decision().reason() + "): " + times;
            };
            parts.add(part + (cost.reliable() ? "" : UNRELIABLE));
        }
        return Optional.of("The GIL's cost, GLOBAL_LOCK's time over FIXED_POOL's (the same pool without the lock): "
                + String.join("; ", parts) + ".");
    }

    /** Whether the runner-up is shown the same as the fastest within the floor ({@link ScalingVerdicts#tied}). */
    static boolean tied(SampleStats fastest, SampleStats runnerUp) {
        return ScalingVerdicts.tied(fastest, runnerUp);
    }

    /** "1.05x [1.03, 1.07]". */
    static String times(RatioEstimate ratio) {
        return Numbers.withInterval(ratio.value(), ratio.low(), ratio.high()).replaceFirst("^([^ ]+)", "$1x");
    }

    /** "1.70-1.84" over a group, or the one value; in the group's order of magnitude. */
    private static <T> String range(List<T> group, ToDoubleFunction<T> value,
            java.util.function.DoubleFunction<String> format) {
        double low = group.stream().mapToDouble(value).min().orElse(Double.NaN);
        double high = group.stream().mapToDouble(value).max().orElse(Double.NaN);
        String lowText = format.apply(low);
        String highText = format.apply(high);
        return lowText.equals(highText) ? lowText : lowText + (lowText.startsWith("+") || lowText.startsWith("-")
                ? " to " : "\u2013") + highText;
    }
}
