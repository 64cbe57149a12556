package org.concurrencybench.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.model.Model;
import org.concurrencybench.report.stats.RoundPrecision;
import org.concurrencybench.results.Cell;
import org.concurrencybench.results.RoundPool;
import org.concurrencybench.sweep.plan.SweepPlan;

/**
 * What the rounds so far say about each cell, for the stopping rule and the next round: how
 * precisely its mean is known (the relative half-width over its per-round means,
 * {@link RoundPrecision}), and, after the least rounds, which steps must run again and with which
 * parameter values, so that time goes where the variance is (Kalibera &amp; Jones, ISMM 2013). A
 * step runs again narrowed to the models, workloads and other values of its cells still short of
 * the precision (JMH runs the product of the values given, so a few precise cells may come along),
 * with its speedups' baselines beside them (SEQUENTIAL at that core count and at 1 core,
 * {@link #withBaselines}), so that a speedup and the times it is computed from rest on the same
 * rounds. A model cell counts as precise only when its time and its speedups are
 * ({@link #withSpeedups}): the sweep stops on what the report states.
 */
final class RoundCells {

    /** Confidence level of the precision the sweep stops on (the report's default). */
    static final double LEVEL = 0.95;

    private RoundCells() {
    }

    /** One cell at one core count, as the console and machine.json name it. */
    static String name(int cores, Cell cell) {
        return "cores=" + cores + " " + cell.label();
    }

    /**
     * Every planned cell's relative half-width at {@code cores}, by {@link #name}: from its pooled rounds
     * ({@code pooled}); infinite for a cell with fewer than two rounds. Cells in {@code failed} are
     * left out (they have no number).
     */
    static Map<String, Double> halfWidths(int cores, List<SweepPlan.Step> steps, List<RoundPool.Pooled> pooled,
                                          java.util.function.Predicate<Cell> failed) {
        Map<String, Double> widths = new LinkedHashMap<>();
        for (SweepPlan.Step step : steps) {
            for (Cell cell : step.cells()) {
                if (failed.test(cell)) {
                    continue;
                }
                RoundPool.Pooled own = pooled.stream()
                        .filter(p -> cell.matches(p.result().benchmark(), p.result().params())).findFirst().orElse(null);
                widths.put(name(cores, cell), own == null ? Double.POSITIVE_INFINITY
                        : RoundPrecision.relativeHalfWidth(own.result().roundMeans().values(), LEVEL));
            }
        }
        return widths;
    }

    /**
     * Every planned cell's means per round at {@code cores}, by {@link #name} (cells in
     * {@code failed} and cells without a pooled result left out).
     */
    static Map<String, Map<Integer, Double>> roundMeansByName(int cores, List<SweepPlan.Step> steps,
            List<RoundPool.Pooled> pooled, java.util.function.Predicate<Cell> failed) {
        Map<String, Map<Integer, Double>> means = new LinkedHashMap<>();
        for (SweepPlan.Step step : steps) {
            for (Cell cell : step.cells()) {
                if (!failed.test(cell)) {
                    pooled.stream().filter(p -> cell.matches(p.result().benchmark(), p.result().params())).findFirst()
                            .ifPresent(own -> means.put(name(cores, cell), own.result().roundMeans()));
                }
            }
        }
        return means;
    }

    /**
     * The baselines of a model cell's speedups, by {@link #name}: SEQUENTIAL with the cell's other
     * values at {@code cores} and at 1 core, where the plan has them; none for SEQUENTIAL at 1 core
     * itself, or for a cell that is not a model's.
     */
    static List<String> baselinesOf(int cores, Cell cell, java.util.function.IntFunction<List<SweepPlan.Step>> stepsAt,
            List<Integer> coreCounts) {
        String model = cell.params().get("model");
        if (model == null) {
            return List.of();
        }
        Map<String, String> wanted = new java.util.HashMap<>(cell.params());
        wanted.put("model", Model.SEQUENTIAL.name());
        List<String> names = new ArrayList<>();
        for (int at : coreCounts.contains(1) && cores != 1 ? List.of(cores, 1) : List.of(cores)) {
            for (SweepPlan.Step step : stepsAt.apply(at)) {
                step.cells().stream().filter(c -> c.benchmark().equals(cell.benchmark()) && c.params().equals(wanted)
                        && !(at == cores && c.equals(cell))).forEach(c -> names.add(name(at, c)));
            }
        }
        return names;
    }

    /**
     * The short cells and the baselines of their speedups ({@link #baselinesOf}): a round that runs a
     * model's cell again runs SEQUENTIAL at that core count and at 1 core again too.
     */
    static java.util.Set<String> withBaselines(java.util.Collection<String> shortCells, List<Integer> coreCounts,
            java.util.function.IntFunction<List<SweepPlan.Step>> stepsAt) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(shortCells);
        for (int cores : coreCounts) {
            for (SweepPlan.Step step : stepsAt.apply(cores)) {
                for (Cell cell : step.cells()) {
                    if (shortCells.contains(name(cores, cell))) {
                        all.addAll(baselinesOf(cores, cell, stepsAt, coreCounts));
                    }
                }
            }
        }
        return all;
    }

    /**
     * Each model cell's half-width raised to the widest of its speedups' ({@link RoundPrecision#ofRatio},
     * paired by round with each baseline of {@link #baselinesOf}): a cell whose time is precise but
     * whose speedup is not is still short.
     */
    static Map<String, Double> withSpeedups(Map<String, Double> widths, Map<String, Map<Integer, Double>> means,
            Map<String, List<String>> baselines) {
        Map<String, Double> raised = new LinkedHashMap<>(widths);
        baselines.forEach((name, bases) -> {
            Map<Integer, Double> own = means.get(name);
            if (own == null || !raised.containsKey(name)) {
                return;
            }
            for (String base : bases) {
                Map<Integer, Double> baseMeans = means.get(base);
                if (baseMeans != null) {
                    double width = RoundPrecision.ofRatio(baseMeans, own, LEVEL);
                    raised.merge(name, width, (a, b) -> Double.isNaN(a) ? a : Math.max(a, b));
                }
            }
        });
        return raised;
    }

    /**
     * The steps that must run again at {@code cores}: each step with a cell whose name is in
     * {@code shortCells}, narrowed to the values of its short cells (and SEQUENTIAL).
     */
    static List<SweepPlan.Step> stillShort(int cores, List<SweepPlan.Step> steps, java.util.Set<String> shortCells) {
        List<SweepPlan.Step> again = new ArrayList<>();
        for (SweepPlan.Step step : steps) {
            List<Cell> short_ = step.cells().stream().filter(c -> shortCells.contains(name(cores, c))).toList();
            if (!short_.isEmpty()) {
                again.add(narrowed(step, short_));
            }
        }
        return again;
    }

    private static SweepPlan.Step narrowed(SweepPlan.Step step, List<Cell> shortCells) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        step.params().forEach((name, values) -> {
            boolean everyCellNamesIt = shortCells.stream().allMatch(c -> c.params().containsKey(name));
            List<String> kept = values.stream().filter(v -> !everyCellNamesIt
                    || shortCells.stream().anyMatch(c -> v.equals(c.params().get(name)))
                    || (name.equals("model") && v.equals(Model.SEQUENTIAL.name()))).toList();
            params.put(name, kept);
        });
        return step.withParams(params);
    }
}
