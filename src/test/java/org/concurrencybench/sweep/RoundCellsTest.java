package org.concurrencybench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.concurrencybench.bench.ModelBenchmark;
import org.concurrencybench.results.Cell;
import org.concurrencybench.sweep.plan.SweepPlan;
import org.junit.jupiter.api.Test;

/** A round that runs a model's cell again runs its speedups' baselines again, and a cell is precise only with its speedups. */
class RoundCellsTest {

    private static final SweepPlan.Step MODELS = new SweepPlan.Step("models", ModelBenchmark.class,
            Map.of("model", List.of("SEQUENTIAL", "FIXED_POOL", "FORK_JOIN"), "workload", List.of("CPU", "SLEEP")),
            org.concurrencybench.sweep.plan.Profile.DEFAULT.jmhOptions());
    private static final IntFunction<List<SweepPlan.Step>> STEPS = cores -> List.of(MODELS);

    private static String name(int cores, String model, String workload) {
        Cell cell = MODELS.cells().stream().filter(c -> c.params().get("model").equals(model)
                && c.params().get("workload").equals(workload)).findFirst().orElseThrow();
        return RoundCells.name(cores, cell);
    }

    @Test
    void aShortTwoCoreCellBringsSequentialAtTwoCoresAndAtOneCore() {
        Set<String> again = RoundCells.withBaselines(List.of(name(2, "FIXED_POOL", "CPU")), List.of(1, 2), STEPS);
        assertEquals(Set.of(name(2, "FIXED_POOL", "CPU"), name(2, "SEQUENTIAL", "CPU"), name(1, "SEQUENTIAL", "CPU")),
                again);
        List<SweepPlan.Step> oneCore = RoundCells.stillShort(1, List.of(MODELS), again);
        assertEquals(1, oneCore.size(), "the 1-core step runs again, for the baseline");
        assertEquals(List.of("SEQUENTIAL"), oneCore.get(0).params().get("model"));
        assertEquals(List.of("CPU"), oneCore.get(0).params().get("workload"));
    }

    @Test
    void sequentialAtOneCoreHasNoBaselineButItself() {
        assertEquals(Set.of(name(1, "SEQUENTIAL", "SLEEP")),
                RoundCells.withBaselines(List.of(name(1, "SEQUENTIAL", "SLEEP")), List.of(1, 2), STEPS));
    }

    @Test
    void aPreciseTimeWithAnImpreciseSpeedupIsStillShort() {
        String pool = name(2, "FIXED_POOL", "CPU");
        String seq = name(2, "SEQUENTIAL", "CPU");
        Map<String, Double> widths = new LinkedHashMap<>(Map.of(pool, 0.01, seq, 0.01));
        // Each time within 1%, but the two moved against each other from round to round: the ratio scatters.
        Map<String, Map<Integer, Double>> means = Map.of(pool, Map.of(1, 100.0, 2, 101.0, 3, 100.0, 4, 101.0),
                seq, Map.of(1, 201.0, 2, 200.0, 3, 201.0, 4, 200.0));
        Map<String, Double> raised = RoundCells.withSpeedups(widths, means, Map.of(pool, List.of(seq), seq, List.of()));
        assertTrue(raised.get(pool) > 0.01, "the speedup's half-width counts: " + raised.get(pool));
        assertEquals(0.01, raised.get(seq), 1e-12);
    }
}
