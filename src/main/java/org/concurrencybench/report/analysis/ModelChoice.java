package org.concurrencybench.report.analysis;

import org.concurrencybench.report.stats.Decision;
import org.concurrencybench.report.stats.RatioEstimate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which models to use for one workload and which to avoid, at its most cores, decided by the same
 * three-way rule as every verdict ({@link ScalingVerdicts#decide}) so that the report's first table
 * says nothing its intervals do not carry. The best is the fastest model ({@link ScalingVerdicts#fastest});
 * every other model's time over the best's is read against the noise floor: the same within it,
 * the model is used beside the best; we cannot tell, the best is not decided and the model is named
 * as one that cannot be told apart from it; decided slower by at least {@link #AVOID_FACTOR}, the
 * model is one to avoid. A model decided slower by less than that is in neither list (the
 * workload's own table has it). No sentences here: {@code sections.FirstScreen} words it.
 *
 * @param use     the best first, then every model the same as it within the floor, fastest first
 * @param unresolved the models that cannot be told apart from the best (empty when the best is decided)
 * @param avoid   the models decided slower than the best by at least {@link #AVOID_FACTOR}, fastest first
 * @param gilCost GLOBAL_LOCK's time over FIXED_POOL's at these cores, where the run has both
 */
public record ModelChoice(String group, int cores, List<Pick> use, List<Pick> unresolved, List<Pick> avoid,
        Optional<ScalingVerdicts.GilCost> gilCost) {

    /**
     * A model decided slower than the best by at least this factor (its time over the best's) is
     * one to avoid: the factor at which {@link ScalingVerdicts} already treats two results as two
     * findings, not one (2% slower and 1.5x slower are different advice).
     */
    public static final double AVOID_FACTOR = ScalingVerdicts.OVERLAP_GROUP_FACTOR;

    /** One model at the choice's cores: its cell and its time over the best's (1 for the best). */
    public record Pick(ScalingCell cell, RatioEstimate overBest) {
        public String model() {
            return cell.model();
        }
    }

    /** Whether the best model is decided: every other model is the same as it or decided slower. */
    public boolean bestDecided() {
        return unresolved.isEmpty();
    }

    /** The choice at the workload's most cores; empty without cells there. */
    public static Optional<ModelChoice> of(WorkloadScaling workload) {
        int cores = workload.mostCores();
        List<ScalingVerdicts.Fastest> fastest = ScalingVerdicts.fastest(workload);
        Optional<ScalingVerdicts.Fastest> atMost = fastest.stream().filter(f -> f.cores() == cores).findFirst();
        if (atMost.isEmpty()) {
            return Optional.empty();
        }
        ScalingCell best = workload.cell(atMost.get().model(), cores).orElseThrow();
        List<Pick> use = new ArrayList<>(List.of(new Pick(best, new RatioEstimate(1, 1, 1))));
        List<Pick> unresolved = new ArrayList<>();
        List<Pick> avoid = new ArrayList<>();
        List<ScalingCell> others = workload.models().stream().filter(m -> !m.equals(best.model()))
                .flatMap(m -> workload.cell(m, cores).stream())
                .sorted(Comparator.comparingDouble(c -> c.time().mean())).toList();
        for (ScalingCell cell : others) {
            RatioEstimate overBest = RatioEstimate.withinRun(cell.time(), best.time());
            Pick pick = new Pick(cell, overBest);
            Decision decision = ScalingVerdicts.decide(overBest);
            switch (decision.answer()) {
                case SAME -> use.add(pick);
                case HIGHER -> {
                    if (overBest.value() >= AVOID_FACTOR) {
                        avoid.add(pick);
                    }
                }
                // LOWER (faster than the best by the pairing, slower by the means) cannot tell either
                case CANNOT_TELL, LOWER -> {
                    if (overBest.value() < AVOID_FACTOR) {
                        unresolved.add(pick);
                    }
                }
            }
        }
        Optional<ScalingVerdicts.GilCost> gil = ScalingVerdicts.gilCost(workload).stream()
                .filter(g -> g.cores() == cores).findFirst();
        return Optional.of(new ModelChoice(workload.group(), cores, List.copyOf(use), List.copyOf(unresolved),
                List.copyOf(avoid), gil));
    }
}
