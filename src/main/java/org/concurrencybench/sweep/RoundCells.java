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
 * with SEQUENTIAL kept beside them so that their speedups stay paired by round.
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
                        : RoundPrecision.relativeHalfWidth(roundMeans(own).values(), LEVEL));
            }
        }
        return widths;
    }

    /** A pooled cell's mean per round: the mean of that round's fork's iterations. */
    static Map<Integer, Double> roundMeans(RoundPool.Pooled pooled) {
        Map<Integer, List<Double>> byRound = new LinkedHashMap<>();
        List<List<Double>> forks = pooled.result().primaryMetric().rawData();
        for (int i = 0; i < forks.size() && i < pooled.rounds().size(); i++) {
            byRound.computeIfAbsent(pooled.rounds().get(i), r -> new ArrayList<>()).addAll(forks.get(i));
        }
        Map<Integer, Double> means = new LinkedHashMap<>();
        byRound.forEach((round, values) -> {
            double mean = values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).average()
                    .orElse(Double.NaN);
            if (Double.isFinite(mean)) {
                means.put(round, mean);
            }
        });
        return means;
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
        return new SweepPlan.Step(step.name(), step.benchmarkClass(), params, step.options(), step.capacity());
    }
}
