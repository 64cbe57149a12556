package org.concurrencybench.report.compare;

import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.Verdict;
import org.concurrencybench.report.input.BenchmarkResult;
import org.concurrencybench.report.input.Metric;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.sections.PowerLine;
import org.concurrencybench.report.stats.PValueAdjustment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.concurrencybench.results.Machines;
import org.concurrencybench.results.MachineInfo;
import org.junit.jupiter.api.Test;

/**
 * The verdicts on synthetic runs with a known answer, shaped like the closing measurement
 * (SEQUENTIAL, FIXED_POOL, VIRTUAL_THREADS x CPU, SLEEP x 1, 2 cores): forks vary by about 1%
 * between them and iterations by 0.3% within one, as JMH runs do. B plants 10% more time on CPU
 * work and none on SLEEP; A2 is A again with fresh noise.
 */
class PlantedChangeTest {

    private static final List<String> MODELS = List.of("SEQUENTIAL", "FIXED_POOL", "VIRTUAL_THREADS");
    private static final ScalingAnalysis ANALYSIS = new ScalingAnalysis(0.95);

    /** A run of {@code forks} x {@code iterations}, CPU times scaled by {@code cpuFactor}. */
    static RunResults run(String id, long seed, int forks, int iterations, double cpuFactor) {
        return run(id, seed, forks, iterations, cpuFactor, 0.01);
    }

    static RunResults run(String id, long seed, int forks, int iterations, double cpuFactor, double forkNoise) {
        Random random = new Random(seed);
        TreeMap<Integer, List<BenchmarkResult>> byCores = new TreeMap<>();
        for (int cores : List.of(1, 2)) {
            List<BenchmarkResult> results = new ArrayList<>();
            for (String workload : List.of("CPU", "SLEEP")) {
                for (String model : MODELS) {
                    double base = (workload.equals("CPU") ? 400.0 * cpuFactor : 130.0)
                            / (model.equals("SEQUENTIAL") ? 1 : cores);
                    double[][] raw = new double[forks][iterations];
                    for (int f = 0; f < forks; f++) {
                        double forkMean = base * (1 + forkNoise * random.nextGaussian());
                        for (int i = 0; i < iterations; i++) {
                            raw[f][i] = forkMean * (1 + 0.003 * random.nextGaussian());
                        }
                    }
                    results.add(new BenchmarkResult("org.concurrencybench.bench.ModelBenchmark.batch", "avgt", 1,
                            forks, Map.of("model", model, "workload", workload, "tasks", "64"),
                            new Metric(base, 0, "ms/op", raw), Map.of()));
                }
            }
            byCores.put(cores, results);
        }
        MachineInfo machine = Machines.of("runId", id);
        return new RunResults(Path.of(id), machine, byCores, List.of());
    }

    private static RunComparison compare(RunResults a, RunResults b) {
        return RunComparison.of("A", ANALYSIS.analyse(a, w -> { }), "B", ANALYSIS.analyse(b, w -> { }));
    }

    @Test
    void aPlantedTenPercentChangeIsCalledWhereItIsAndNowhereElse() {
        RunComparison comparison = compare(run("A", 1, 5, 3, 1.0), run("B", 2, 5, 3, 1.10));
        assertEquals(12, comparison.rows().size());
        for (ComparisonRow row : comparison.rows()) {
            String cell = row.model() + " " + row.group() + " " + row.coresA();
            assertEquals(ComparisonRow.TestUnit.FORKS, row.unit(), cell);
            if (row.group().equals("CPU")) {
                assertEquals(Verdict.SLOWER, row.verdict(), cell + " p " + row.pAdjusted());
                assertEquals(1.10, row.ratio(), 0.02, cell);
                assertTrue(row.ratioLow() < 1.10 && 1.10 < row.ratioHigh(), cell + ": the interval covers the truth");
            } else {
                assertEquals(Verdict.NO_DIFFERENCE, row.verdict(), cell + " ratio " + row.ratio());
            }
        }
    }

    @Test
    void anAaPairCallsNothing() {
        RunComparison comparison = compare(run("A", 1, 5, 3, 1.0), run("A2", 3, 5, 3, 1.0));
        for (ComparisonRow row : comparison.rows()) {
            assertEquals(Verdict.NO_DIFFERENCE, row.verdict(), row.model() + " " + row.group() + " " + row.coresA());
        }
        assertTrue(PowerLine.of(comparison).startsWith("With 5 forks per side this comparison can"
                + " detect changes of about"), PowerLine.of(comparison));
    }

    @Test
    void oneForkOfThreeIterationsCanTellNothing() {
        // the quick profile: the exact test on 3 against 3 values cannot go below p = 0.1
        RunComparison comparison = compare(run("A", 1, 1, 3, 1.0), run("B", 2, 1, 3, 1.10));
        for (ComparisonRow row : comparison.rows()) {
            assertEquals(ComparisonRow.TestUnit.ITERATIONS, row.unit());
            assertEquals(Verdict.TOO_FEW_SAMPLES, row.verdict());
            assertTrue(Double.isNaN(row.detectableChange()));
        }
        assertTrue(PowerLine.of(comparison).contains("can detect no change at all"),
                PowerLine.of(comparison));
    }

    @Test
    void aSignificantChangeBelowTheNoiseFloorIsNoDifference() {
        // 1.5% more CPU time on quiet forks (0.2% apart): real, significant, but under the default floor of 2%
        RunComparison small = compare(run("A", 1, 5, 3, 1.0, 0.002), run("B", 2, 5, 3, 1.015, 0.002));
        ComparisonRow row = small.rows().stream().filter(r -> r.group().equals("CPU")).findFirst().orElseThrow();
        assertTrue(row.pAdjusted() < 0.05, "p " + row.pAdjusted());
        assertEquals(Verdict.NO_DIFFERENCE, row.verdict());
        // with the floor lowered to 1% the same data call it
        RunComparison lowFloor = RunComparison.of("A", ANALYSIS.analyse(run("A", 1, 5, 3, 1.0, 0.002), w -> { }), "B",
                ANALYSIS.analyse(run("B", 2, 5, 3, 1.015, 0.002), w -> { }),
                new ComparisonSettings(0.05, PValueAdjustment.BH, 0.01, 0.95));
        assertEquals(Verdict.SLOWER, lowFloor.rows().stream().filter(r -> r.group().equals("CPU")).findFirst()
                .orElseThrow().verdict());
    }
}
