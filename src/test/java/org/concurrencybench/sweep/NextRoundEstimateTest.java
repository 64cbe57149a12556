package org.concurrencybench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.concurrencybench.bench.ModelBenchmark;
import org.concurrencybench.sweep.plan.JmhOptions;
import org.concurrencybench.sweep.plan.RunCostModel;
import org.concurrencybench.sweep.plan.SweepPlan;
import org.junit.jupiter.api.Test;

/**
 * The time the round loop expects of its next round, which the default run's time limit reads: a
 * step at what it took last, an untimed one (after a resume) at the plan's estimate, and CPython's
 * visits only in a whole round.
 */
class NextRoundEstimateTest {

    private static SweepPlan.Step step(String name) {
        return new SweepPlan.Step(name, ModelBenchmark.class, Map.of("model", List.of("SEQUENTIAL"),
                "workload", List.of("CPU")), JmhOptions.of(1, 2, 500, 2, 500));
    }

    private static final Map<String, Long> LAST = Map.of("1 models", 100_000L, "2 models", 90_000L,
            "2 skew", 70_000L, "1 cpython", 40_000L, "2 cpython", 50_000L);

    @Test
    void aChasedRoundCostsWhatItsStepsTookLastAndNoCpython() {
        assertEquals(90_000L, RoundLoop.estimate(Map.of(2, List.of(step("models"))), LAST, false));
    }

    @Test
    void aWholeRoundAddsEveryCpythonVisit() {
        assertEquals(100_000L + 90_000L + 70_000L + 90_000L, RoundLoop.estimate(Map.of(1, List.of(step("models")),
                2, List.of(step("models"), step("skew"))), LAST, true));
    }

    @Test
    void aStepNotTimedHereIsAtThePlansEstimate() {
        SweepPlan.Step untimed = step("convoy");
        assertEquals(RunCostModel.millis(List.of(untimed), 2) + 90_000L,
                RoundLoop.estimate(Map.of(2, List.of(untimed, step("models"))), LAST, false));
    }
}
