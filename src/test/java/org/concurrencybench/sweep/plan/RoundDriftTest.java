package org.concurrencybench.sweep.plan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.concurrencybench.bench.ModelBenchmark;
import org.concurrencybench.report.stats.PairedRatio;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;
import org.junit.jupiter.api.Test;

/**
 * The point of rounds, on a stand-in benchmark whose time grows with the (simulated) clock, as a
 * machine drifting slower would make it: FIXED_POOL and VIRTUAL_THREADS are the same 100 ms, and
 * SEQUENTIAL takes 200 ms (a true speedup of 2). Measured back to back, five forks a cell as JMH
 * runs them, the model measured last looks slower; measured in shuffled rounds, one fork a cell a
 * round, the two are tied and the speedup's interval holds 2.
 */
class RoundDriftTest {

    private static final Map<String, Double> TRUE_MILLIS = Map.of("SEQUENTIAL", 200.0, "FIXED_POOL", 100.0,
            "VIRTUAL_THREADS", 100.0);
    private static final int FORKS = 5;
    private static final int ITERATIONS = 3;

    /** The stand-in: every fork starts a JVM and runs its iterations, each slower by 1% per simulated second. */
    private static final class DriftingMachine {
        private final Random noise = new Random(3);
        private double clockSeconds;

        /** One fork of {@code model}: its iteration values, the clock moving on as it runs. */
        double[] fork(String model) {
            clockSeconds += 0.5; // the fork's JVM start
            double[] values = new double[ITERATIONS + 1];
            for (int i = 0; i <= ITERATIONS; i++) { // a warm-up iteration, then the measured ones
                values[i] = TRUE_MILLIS.get(model) * (1 + 0.01 * clockSeconds) * (1 + 0.002 * noise.nextGaussian());
                clockSeconds += 0.6;
            }
            return java.util.Arrays.copyOfRange(values, 1, values.length);
        }
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }

    @Test
    void backToBackForksMakeTheModelMeasuredLastLookSlower() {
        DriftingMachine machine = new DriftingMachine();
        Map<String, SampleStats> cells = new HashMap<>();
        for (String model : List.of("SEQUENTIAL", "FIXED_POOL", "VIRTUAL_THREADS")) { // JMH's order, cell after cell
            double[][] forks = new double[FORKS][];
            for (int f = 0; f < FORKS; f++) {
                forks[f] = machine.fork(model);
            }
            cells.put(model, SampleStats.of(forks, 0.95));
        }
        RatioEstimate lastOverFirst = RatioEstimate.of(cells.get("VIRTUAL_THREADS"), cells.get("FIXED_POOL"));
        assertTrue(lastOverFirst.low() > 1.03, "identical models, the later one 'slower': " + lastOverFirst);
        RatioEstimate speedup = RatioEstimate.of(cells.get("SEQUENTIAL"), cells.get("FIXED_POOL"));
        assertTrue(speedup.high() < 2.0, "the speedup's interval misses the truth: " + speedup);
    }

    @Test
    void roundsCallIdenticalModelsTiedAndTheSpeedupIntervalHoldsTheTruth() {
        DriftingMachine machine = new DriftingMachine();
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("model", List.of("SEQUENTIAL", "FIXED_POOL", "VIRTUAL_THREADS"));
        params.put("workload", List.of("CPU"));
        SweepPlan.Step step = new SweepPlan.Step("models", ModelBenchmark.class, params, Profile.DEFAULT.jmhOptions());
        Map<String, Map<Integer, Double>> byRound = new HashMap<>();
        List<String> firstModels = new ArrayList<>();
        for (int round = 1; round <= FORKS; round++) {
            for (RoundOrder.Visit visit : RoundOrder.of(11, round, Map.of(1, List.of(step)))) {
                List<String> models = visit.step().params().get("model");
                firstModels.add(models.get(0));
                for (String model : models) { // JMH runs the values in the order given
                    byRound.computeIfAbsent(model, m -> new HashMap<>()).put(round, mean(machine.fork(model)));
                }
            }
        }
        assertTrue(new java.util.HashSet<>(firstModels).size() > 1, "the rounds start with different models");
        RatioEstimate tie = PairedRatio.of(byRound.get("VIRTUAL_THREADS"), byRound.get("FIXED_POOL"), 0.95);
        assertTrue(tie.low() < 1 && tie.high() > 1, "identical models tied: " + tie);
        RatioEstimate speedup = PairedRatio.of(byRound.get("SEQUENTIAL"), byRound.get("FIXED_POOL"), 0.95);
        assertTrue(speedup.low() < 2 && speedup.high() > 2, "the speedup's interval holds 2: " + speedup);
    }
}
