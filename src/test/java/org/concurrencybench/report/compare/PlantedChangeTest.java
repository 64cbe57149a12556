package org.concurrencybench.report.compare;

import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.Metric;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.sections.compare.PowerLine;
import org.concurrencybench.report.stats.Decision;

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
 * The answers on synthetic run folders with a known answer, read as the report reads them, shaped like the closing measurement
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
            assertEquals(5, row.roundsA(), cell);
            if (row.group().equals("CPU")) {
                assertTrue(row.slower(), cell + ": " + row.answer() + " " + row.ratio());
                assertEquals(1.10, row.ratio().value(), 0.02, cell);
                assertTrue(row.ratioLow() < 1.10 && 1.10 < row.ratioHigh(), cell + ": the interval covers the truth");
            } else {
                assertTrue(!row.decision().changed() && !row.same(), cell + ": " + row.answer()
                        + " (one run a side: the run-level term is too wide for 'the same')");
            }
        }
    }

    @Test
    void anAaPairCallsNothing() {
        RunComparison comparison = compare(run("A", 1, 5, 3, 1.0), run("A2", 3, 5, 3, 1.0));
        for (ComparisonRow row : comparison.rows()) {
            assertTrue(!row.decision().changed(), row.model() + " " + row.group() + " " + row.coresA());
        }
        assertTrue(PowerLine.of(comparison).startsWith("This comparison would call a change of about"),
                PowerLine.of(comparison));
    }

    @Test
    void oneForkOfThreeIterationsCanTellNothing() {
        // the quick profile: one round, so no interval; iterations are never the replicates
        RunComparison comparison = compare(run("A", 1, 1, 3, 1.0), run("B", 2, 1, 3, 1.10));
        for (ComparisonRow row : comparison.rows()) {
            assertEquals(Decision.Answer.CANNOT_TELL, row.decision().answer());
            assertTrue(Double.isNaN(row.detectableChange()));
        }
        assertTrue(PowerLine.of(comparison).contains("can call no change at all"), PowerLine.of(comparison));
    }

    @Test
    void aChangeWithinTheNoiseFloorIsTheSame() {
        // 1% more CPU time on quiet forks (0.2% apart), no run level: real, but within the default floor of 2%
        ComparisonSettings noRunLevel = new ComparisonSettings(0.95, ComparisonSettings.DEFAULT_MIN_CHANGE, 0.0);
        RunComparison small = RunComparison.of("A", ANALYSIS.analyse(run("A", 1, 5, 3, 1.0, 0.002), w -> { }), "B",
                ANALYSIS.analyse(run("B", 2, 5, 3, 1.01, 0.002), w -> { }), noRunLevel);
        ComparisonRow row = small.rows().stream().filter(r -> r.group().equals("CPU")).findFirst().orElseThrow();
        assertTrue(row.ratioLow() > 1, "the change is real: " + row.ratio());
        assertEquals("the same", row.answer());
        // with the floor lowered to 0.2% the same data call it
        RunComparison lowFloor = RunComparison.of("A", ANALYSIS.analyse(run("A", 1, 5, 3, 1.0, 0.002), w -> { }), "B",
                ANALYSIS.analyse(run("B", 2, 5, 3, 1.01, 0.002), w -> { }), new ComparisonSettings(0.95, 0.002, 0.0));
        assertEquals("slower", lowFloor.rows().stream().filter(r -> r.group().equals("CPU")).findFirst()
                .orElseThrow().answer());
    }
}
