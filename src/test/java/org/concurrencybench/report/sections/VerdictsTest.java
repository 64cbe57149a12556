package org.concurrencybench.report.sections;

import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.stats.SampleStats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Known answers for every verdict rule: a synthetic run built for each rule, and the
 * sentence the report must print for it, written out in full.
 */
class VerdictsTest {

    /** Tight samples: +-0.1% around the mean. */
    static final double[] TIGHT = {0.999, 1.0, 1.001, 0.9995, 1.0005};
    /** Wide samples: +-40%, every speedup over them unreliable. */
    static final double[] WIDE = {0.6, 1.4, 0.7, 1.3, 1.0};

    /** A workload from model -> mean time per core count (cores 1, 2, 4, ... in order), tight unless listed wide. */
    static WorkloadScaling workload(String group, List<Integer> cores, Map<String, double[]> means, String... wide) {
        Map<String, Map<Integer, SampleStats>> times = new LinkedHashMap<>();
        means.forEach((model, byCores) -> {
            Map<Integer, SampleStats> series = new TreeMap<>();
            for (int i = 0; i < cores.size(); i++) {
                double mean = byCores[i];
                double[] shape = Arrays.asList(wide).contains(model) ? WIDE : TIGHT;
                // one value per fork: five forks, the units an interval rests on
                series.put(cores.get(i), SampleStats.of(Arrays.stream(shape).mapToObj(f -> new double[] {f * mean})
                        .toArray(double[][]::new), 0.95));
            }
            times.put(model, series);
        });
        Map<Integer, SampleStats> baseline = times.getOrDefault("SEQUENTIAL", Map.of());
        Map<String, Map<Integer, ScalingCell>> cells = new LinkedHashMap<>();
        times.forEach((model, series) -> {
            Map<Integer, ScalingCell> byCores = new TreeMap<>();
            series.forEach((count, time) -> byCores.put(count, ScalingAnalysis.cell(group, model, count, time,
                    baseline.get(count), baseline.get(1))));
            cells.put(model, byCores);
        });
        return new WorkloadScaling(group, List.copyOf(cells.keySet()), new TreeSet<>(cores), cells, Map.of(), Map.of(),
                !baseline.isEmpty(), baseline.containsKey(1));
    }

    private static Map<String, double[]> means(Object... modelAndTimes) {
        Map<String, double[]> means = new LinkedHashMap<>();
        for (int i = 0; i < modelAndTimes.length; i += 2) {
            means.put((String) modelAndTimes[i], (double[]) modelAndTimes[i + 1]);
        }
        return means;
    }

    private static final List<Integer> CORES = List.of(1, 2, 4);

    @Test
    void aClearWinnerIsNamedWithItsLeadAndInterval() {
        WorkloadScaling cpu = workload("CPU", CORES, means("SEQUENTIAL", new double[] {100, 100, 100},
                "FIXED_POOL", new double[] {110, 55, 27.5}, "FORK_JOIN", new double[] {120, 60, 30}));
        assertEquals("Fastest at 1 core: SEQUENTIAL, ahead of FIXED_POOL by 1.10x [1.10, 1.10]; at 2 cores:"
                + " FIXED_POOL, ahead of FORK_JOIN by 1.09x [1.09, 1.09]; at 4 cores: FIXED_POOL, ahead of FORK_JOIN"
                + " by 1.09x [1.09, 1.09].", Verdicts.fastest(cpu));
    }

    @Test
    void aLeadWhoseWholeIntervalLiesWithinTheFloorIsATieThoughItExcludesOne() {
        // 1% apart with +-0.1% noise: the interval excludes 1, but 1% is inside the 2% tolerance
        WorkloadScaling cpu = workload("CPU", List.of(2), means("SEQUENTIAL", new double[] {100},
                "FIXED_POOL", new double[] {50}, "FORK_JOIN", new double[] {50.5}));
        assertEquals("Fastest at 2 cores: FIXED_POOL and FORK_JOIN tied, the same within 2% (1.01x [1.01, 1.01]).",
                Verdicts.fastest(cpu));
    }

    @Test
    void aWideIntervalIsNoTieWeCannotTellWhichIsFastest() {
        WorkloadScaling cpu = workload("CPU", List.of(2), means("SEQUENTIAL", new double[] {100},
                "FIXED_POOL", new double[] {50}, "FORK_JOIN", new double[] {55}), "FIXED_POOL", "FORK_JOIN");
        assertEquals("Fastest at 2 cores: we cannot tell which is fastest, FIXED_POOL or FORK_JOIN (interval wider than"
                + " the noise floor): FIXED_POOL first by 1.10x [0.639, 1.89]\u2020.",
                Verdicts.fastest(cpu));
    }

    @Test
    void aVerdictOnAnUnreliableCellSaysSo() {
        WorkloadScaling io = workload("MIXED", List.of(1, 2), means("SEQUENTIAL", new double[] {100, 100},
                "FIXED_POOL", new double[] {100, 25}), "FIXED_POOL");
        assertEquals(List.of("FIXED_POOL: 4.00x SEQUENTIAL's speed at 2 cores, still gaining at least 10% per doubling"
                + " of cores\u2020."), Verdicts.scaling(io));
    }

    @Test
    void aWorkloadWhoseEveryCellIsUnreliableSaysSoOnceInItsAnswers() {
        WorkloadScaling mixed = workload("MIXED", List.of(1, 2), means("SEQUENTIAL", new double[] {100, 100},
                "FIXED_POOL", new double[] {100, 25}), "SEQUENTIAL", "FIXED_POOL");
        List<String> answers = Verdicts.answers(mixed);
        assertTrue(answers.get(0).startsWith("Every cell here is marked unreliable (see its table): read these as a"
                + " ranking. Fastest at 1 core: we cannot tell which is fastest, SEQUENTIAL or FIXED_POOL (interval"
                + " wider than the noise floor)"), answers.get(0));
        assertEquals("FIXED_POOL: 4.00x SEQUENTIAL's speed at 2 cores, still gaining at least 10% per doubling of cores.",
                answers.get(1));
        assertTrue(answers.stream().noneMatch(line -> line.contains(Verdicts.UNRELIABLE)), answers.toString());
    }

    @Test
    void modelsThatScaleShareALineAndOneThatDoesNotHasItsOwn() {
        WorkloadScaling cpu = workload("CPU", CORES, means("SEQUENTIAL", new double[] {100, 100, 100},
                "FIXED_POOL", new double[] {100, 50, 25}, "FORK_JOIN", new double[] {100, 51, 26},
                "GLOBAL_LOCK", new double[] {100, 99, 99.5}));
        assertEquals(List.of("FIXED_POOL, FORK_JOIN: 3.85\u20134.00x SEQUENTIAL's speed at 4 cores, still gaining at"
                        + " least 10% per doubling of cores.",
                "GLOBAL_LOCK: 1.01x SEQUENTIAL's speed at 4 cores; adding cores stops paying after 1 core (the next"
                        + " step changed throughput by +1.0%, its interval below +10% per doubling)."), Verdicts.scaling(cpu));
    }

    @Test
    void aModelSlowerThanSequentialIsNeverStillGaining() {
        // gains 1.9x per doubling, yet 5x slower than SEQUENTIAL at its most cores
        WorkloadScaling cpu = workload("CPU", CORES, means("SEQUENTIAL", new double[] {100, 100, 100},
                "PROCESS_PER_TASK", new double[] {2000, 1000, 500}, "EVENT_LOOP", new double[] {100, 103, 103}));
        // both slower, but 3% and 5x slower are not one finding: two lines
        assertEquals(List.of("EVENT_LOOP: slower than SEQUENTIAL at 4 cores (0.971x its speed).",
                "PROCESS_PER_TASK: slower than SEQUENTIAL at 4 cores (0.200x its speed)."), Verdicts.scaling(cpu));
    }

    @Test
    void theGilsCostIsTheSameWithinTheFloorAtOneCoreAndACostAtFour() {
        WorkloadScaling cpu = workload("CPU", CORES, means("SEQUENTIAL", new double[] {100, 100, 100},
                "FIXED_POOL", new double[] {100, 50, 25}, "GLOBAL_LOCK", new double[] {101, 99, 100}));
        assertEquals("The GIL's cost, GLOBAL_LOCK's time over FIXED_POOL's (the same pool without the lock): none"
                + " at 1 core, the same within 2%: 1.01x [1.01, 1.01] (101 vs 100 ms); 4.00x [4.00, 4.00] (100 vs 25.0 ms) at"
                + " 4 cores.", Verdicts.gilCost(cpu).orElseThrow());
    }

    @Test
    void waitsReportAnOverlapFactorNotScaling() {
        WorkloadScaling sleep = workload("SLEEP", List.of(1, 2), means("SEQUENTIAL", new double[] {640, 640},
                "FIXED_POOL", new double[] {640, 320}, "VIRTUAL_THREADS", new double[] {10, 10},
                "EVENT_LOOP", new double[] {10.5, 10.5}));
        assertEquals(List.of("Fastest at 1 core: VIRTUAL_THREADS, ahead of EVENT_LOOP by 1.05x [1.05, 1.05]; at 2"
                        + " cores: VIRTUAL_THREADS, ahead of EVENT_LOOP by 1.05x [1.05, 1.05].",
                "Waits overlapped at 2 cores (overlap factor, SEQUENTIAL's time over the model's): 61.0\u201364.0x under"
                        + " VIRTUAL_THREADS, EVENT_LOOP; 2.00x under FIXED_POOL."), Verdicts.answers(sleep));
    }

    @Test
    void theGilsCostIsNoneWhereTheLockIsFasterAndUnknownWhereTheIntervalIsWide() {
        WorkloadScaling cpu = workload("CPU", List.of(1, 2), means("SEQUENTIAL", new double[] {100, 100},
                "FIXED_POOL", new double[] {100, 50}, "GLOBAL_LOCK", new double[] {90, 52}), "GLOBAL_LOCK");
        WorkloadScaling firm = workload("CPU", List.of(1), means("SEQUENTIAL", new double[] {100},
                "FIXED_POOL", new double[] {100}, "GLOBAL_LOCK", new double[] {90}));
        assertEquals("The GIL's cost, GLOBAL_LOCK's time over FIXED_POOL's (the same pool without the lock): none at 1"
                + " core, GLOBAL_LOCK is faster: 0.900x [0.899, 0.901] (90.0 vs 100 ms).", Verdicts.gilCost(firm)
                .orElseThrow());
        assertEquals("The GIL's cost, GLOBAL_LOCK's time over FIXED_POOL's (the same pool without the lock): we cannot"
                + " tell at 1 core (interval wider than the noise floor): 0.900x [0.567, 1.43] (90.0 vs 100 ms)\u2020;"
                + " we cannot tell at 2 cores (interval wider than the noise floor): 1.04x"
                + " [0.655, 1.65] (52.0 vs 50.0 ms)\u2020.", Verdicts.gilCost(cpu).orElseThrow());
    }

    @Test
    void stillGainingOnlyWhereTheGainsIntervalClearsTenPercentElseWeCannotTell() {
        // 15% more throughput per doubling, on wide cells: the interval of the gain reaches below +10%
        WorkloadScaling cpu = workload("CPU", List.of(1, 2), means("SEQUENTIAL", new double[] {100, 100},
                "FIXED_POOL", new double[] {100, 87}), "FIXED_POOL");
        assertEquals(List.of("FIXED_POOL: 1.15x SEQUENTIAL's speed at 2 cores; we cannot tell whether adding cores still"
                + " pays after 1 core (interval wider than the noise floor; the next step changed throughput by"
                + " +14.9%)\u2020."), Verdicts.scaling(cpu));
    }

    @Test
    void aBaselineThatSlowsWithCoresIsSaidWithItsReasonAndTheFactorsOverOneCore() {
        // SEQUENTIAL's IO batch 1.7x slower at 2 cores than at 1, as in the committed example
        WorkloadScaling io = workload("IO", List.of(1, 2), means("SEQUENTIAL", new double[] {51.6, 87.5},
                "FIXED_POOL", new double[] {50, 33}, "VIRTUAL_THREADS", new double[] {20, 19}));
        String expected = "SEQUENTIAL itself, the baseline of every overlap factor at the same cores, changes with the"
                + " core count: it takes 1.70x [1.69, 1.70] its 1-core time at 2 cores (87.5 vs 51.6 ms); one"
                + " connection's round trips cross cores: at 1 core the client and the echo server hand each message"
                + " over on one core. Against SEQUENTIAL at 1 core, the overlap factors at 2 cores are:"
                + " VIRTUAL_THREADS 2.72x [2.71, 2.72]; FIXED_POOL 1.56x [1.56, 1.57].";
        assertEquals(java.util.Optional.of(expected), Verdicts.baselineShift(io));
        assertTrue(Verdicts.of(io).contains(expected), Verdicts.of(io).toString());
        assertTrue(Verdicts.answers(io).contains(expected), Verdicts.answers(io).toString());
    }

    @Test
    void aBaselineThatMovesWithinTheFloorOrCannotBeToldSaysNothing() {
        WorkloadScaling steady = workload("IO", List.of(1, 2), means("SEQUENTIAL", new double[] {50, 50.5},
                "FIXED_POOL", new double[] {50, 33}));
        assertEquals(java.util.Optional.empty(), Verdicts.baselineShift(steady));
        WorkloadScaling wide = workload("CPU", List.of(1, 2), means("SEQUENTIAL", new double[] {50, 60},
                "FIXED_POOL", new double[] {50, 33}), "SEQUENTIAL");
        assertEquals(java.util.Optional.empty(), Verdicts.baselineShift(wide), "an interval that cannot tell says nothing");
    }

    @Test
    void stillGainingNeverWhereTheGainsIntervalReachesBelowTenPercent() {
        // MIXED: +40% throughput from 1 to 2 cores, but on cells so wide the gain's interval holds +10% and less
        WorkloadScaling mixed = workload("MIXED", List.of(1, 2), means("SEQUENTIAL", new double[] {100, 100},
                "PROCESS_POOL", new double[] {100, 100 / 1.4}), "PROCESS_POOL");
        String sentence = String.join(" ", Verdicts.scaling(mixed));
        assertTrue(!sentence.contains("still gaining") && sentence.contains("we cannot tell whether adding cores still"
                + " pays after 1 core"), sentence);
    }
}
