package org.concurrencybench.report.analysis;

import org.concurrencybench.report.Fixtures;
import org.concurrencybench.report.ReportGenerator;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.Metric;
import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.OutputFormat;
import org.concurrencybench.report.stats.RatioEstimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.concurrencybench.results.Machines;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.workload.SizeSpread;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uneven-tasks section on planted results with a known answer: which series loses least and
 * most to skew and by what factor, old results without a spread read as NONE, and the scaling
 * analysis left to even batches.
 */
class SkewResultsTest {

    private static final String BATCH = "org.concurrencybench.bench.ModelBenchmark.batch";

    /** A result with these params; {@code spread} null leaves the param out, as runs from before spreads wrote. */
    private static BenchmarkResult result(String model, String spread, String chunksize, double ms) {
        Map<String, String> params = new HashMap<>(Map.of("model", model, "workload", "CPU", "tasks", "64",
                "parallelism", "0"));
        if (spread != null) {
            params.put("spread", spread);
            params.put("chunksize", chunksize);
            params.put("order", "AS_GENERATED");
        }
        // three forks of one value, 0.1% apart: the units the loss factor's interval rests on
        double[][] forks = {{ms * 0.999}, {ms}, {ms * 1.001}};
        return new BenchmarkResult(BATCH, "avgt", 1, 1, params, new Metric(ms, 0, "ms/op", forks), Map.of());
    }

    /**
     * Two cores; SEQUENTIAL takes 1.1x as long under PARETO (a planted change of the total), so
     * each loss factor is the model's time ratio over 1.1: FIXED_POOL (66/50)/1.1 = 1.2,
     * FORK_JOIN (57.2/50)/1.1 = 1.04, PROCESS_POOL (132/60)/1.1 = 2.0, with chunks (181.5/55)/1.1 = 3.0.
     */
    static RunResults plantedRun(boolean withSequential) {
        List<BenchmarkResult> two = new ArrayList<>(List.of(
                result("FIXED_POOL", null, null, 50), result("FIXED_POOL", "PARETO", "1", 66),
                result("FORK_JOIN", null, null, 50), result("FORK_JOIN", "PARETO", "1", 57.2),
                result("PROCESS_POOL", null, null, 60), result("PROCESS_POOL", "PARETO", "1", 132),
                result("PROCESS_POOL", "NONE", "0", 55), result("PROCESS_POOL", "PARETO", "0", 181.5)));
        if (withSequential) {
            two.add(result("SEQUENTIAL", null, null, 100));
            two.add(result("SEQUENTIAL", "PARETO", "1", 110));
        }
        List<BenchmarkResult> one = List.of(result("SEQUENTIAL", null, null, 100), result("FIXED_POOL", null, null, 100));
        MachineInfo machine = Machines.of("runId", "run-1", "label", "box", "physicalCores", 2, "logicalCores", 2,
                "coreCounts", List.of(1, 2));
        return new RunResults(Path.of("run-1"), machine, new TreeMap<>(Map.of(1, one, 2, two)), List.of());
    }

    @Test
    void theVerdictNamesTheSeriesThatLoseLeastAndMostWithTheirFactors() {
        SkewResults skew = SkewResults.of(plantedRun(true), 0.95).orElseThrow();
        assertEquals(2, skew.cores());
        assertEquals(List.of(SizeSpread.NONE, SizeSpread.PARETO), skew.spreads("CPU"));
        assertEquals(1.2, skew.lossFactor("CPU", "FIXED_POOL", SizeSpread.PARETO), 1e-9);
        List<SkewResults.Verdict> verdicts = skew.verdicts("CPU");
        assertEquals(1, verdicts.size());
        SkewResults.Verdict verdict = verdicts.get(0);
        assertEquals(List.of("FORK_JOIN"), verdict.leastLost());
        assertEquals(1.04, verdict.losses().get("FORK_JOIN").value(), 1e-9);
        assertEquals(List.of("PROCESS_POOL chunksize=0"), verdict.mostLost());
        assertEquals(3.0, verdict.losses().get("PROCESS_POOL chunksize=0").value(), 1e-9);
        assertTrue(verdict.toldApartFromTheRest(verdict.mostLost()));
        assertTrue(verdict.againstBaseline());
        // Old results without a spread param read as NONE: SEQUENTIAL's even time is the one with no param.
        assertEquals(100 / 50.0, skew.speedup("CPU", "FIXED_POOL", SizeSpread.NONE), 1e-9);
    }

    @Test
    void withoutSequentialTheVerdictUsesEachSeriesOwnTimes() {
        SkewResults.Verdict verdict = SkewResults.of(plantedRun(false), 0.95).orElseThrow().verdicts("CPU").get(0);
        assertFalse(verdict.againstBaseline());
        assertEquals(List.of("FORK_JOIN"), verdict.leastLost());
        assertEquals(57.2 / 50, verdict.losses().get("FORK_JOIN").value(), 1e-9);
        assertEquals(181.5 / 55, verdict.losses().get(verdict.mostLost().get(0)).value(), 1e-9);
    }

    @Test
    void theScalingAnalysisReadsEvenBatchesOnlyAndOldRunsHaveNoSkewSection() {
        List<WorkloadScaling> scaling = new ScalingAnalysis(0.95).analyse(plantedRun(true), w -> { });
        assertEquals(List.of("CPU"), scaling.stream().map(WorkloadScaling::group).toList(), "no 'CPU spread=...' group");
        assertEquals(50, scaling.get(0).cell("FIXED_POOL", 2).orElseThrow().time().mean(), 1e-9);
        assertEquals(60, scaling.get(0).cell("PROCESS_POOL", 2).orElseThrow().time().mean(), 1e-9,
                "one task per message, not the chunked variant");
        assertTrue(SkewResults.of(RunReader.read(Fixtures.run("laptop")), 0.95).isEmpty());
    }

    @Test
    void theReportHasTheSkewChartVerdictAndChunkTable(@TempDir Path out) throws Exception {
        RunResults run = plantedRun(true);
        new ReportGenerator(0.95, EnumSet.of(OutputFormat.MD, OutputFormat.SVG)).write(List.of(run), out, w -> { });
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("## Uneven tasks"), report);
        assertTrue(report.contains("FORK_JOIN loses least to skew"), report);
        assertTrue(report.contains("**Loss to skew per model, 2 cores**"), report);
        assertTrue(report.contains("| PROCESS_POOL chunksize=0 (Pool.map's default chunks, 8 tasks each;"),
                "divmod(64, 2 x 4) = (8, 0)");
        assertTrue(report.contains("| FIXED_POOL | "), report);
        assertTrue(report.matches("(?s).*\\| FIXED_POOL \\| [^|]*; 1\\.20 \\[[^|]*\\], (loses|we cannot tell) \\|.*"),
                "the loss with its interval and its answer in the cell");
        assertFalse(report.contains("| NONE |"), "the even batches are the workload tables' rows, not repeated");
        assertTrue(Files.isRegularFile(out.resolve("cpu-skew.svg")));
    }

    @Test
    void theChartPlotsEachSeriesLossToSkewAgainstALineAtOne() {
        SkewResults skew = SkewResults.of(plantedRun(true), 0.95).orElseThrow();
        org.knowm.xchart.XYChart chart = (org.knowm.xchart.XYChart) org.concurrencybench.report.charts.SkewChart
                .of(skew, "CPU", "run").chart();
        var series = chart.getSeriesMap();
        assertEquals(1.2, series.get("FIXED_POOL").getYData()[0], 1e-9);
        assertEquals(1.04, series.get("FORK_JOIN").getYData()[0], 1e-9);
        assertEquals(3.0, series.get("PROCESS_POOL chunksize=0").getYData()[0], 1e-9);
        assertEquals(java.util.List.of(1.0, 1.0), java.util.Arrays.stream(series.get("1 = nothing lost").getYData())
                .boxed().toList());
        assertFalse(series.containsKey("SEQUENTIAL"), "the baseline loses nothing by definition");
        assertTrue(chart.getTitle().contains("loss to skew"), chart.getTitle());
    }

    /** A result in rounds 1, 2, 3 whose forks took these times (ms), one fork per round. */
    private static BenchmarkResult inRounds(String model, String spread, double... perRound) {
        BenchmarkResult base = result(model, spread, spread == null ? null : "1", perRound[0]);
        double[][] forks = java.util.Arrays.stream(perRound).mapToObj(ms -> new double[] {ms}).toArray(double[][]::new);
        double mean = java.util.Arrays.stream(perRound).average().orElseThrow();
        return new BenchmarkResult(BATCH, "avgt", 1, 3, base.params(), new Metric(mean, 0, "ms/op", forks), Map.of(),
                List.of(1, 2, 3));
    }

    @Test
    void theSkewTablesSpeedupAndLossAreThePairedEstimatesTheScalingTablesAndVerdictsUse() {
        // per round SEQUENTIAL over FIXED_POOL is 2, 2, 4: paired (geometric mean) 2.52, ratio of the means 2.29
        List<BenchmarkResult> two = List.of(inRounds("SEQUENTIAL", null, 100, 200, 100),
                inRounds("FIXED_POOL", null, 50, 100, 25), inRounds("SEQUENTIAL", "PARETO", 100, 200, 100),
                inRounds("FIXED_POOL", "PARETO", 60, 110, 30), inRounds("FORK_JOIN", null, 50, 100, 50),
                inRounds("FORK_JOIN", "PARETO", 50, 100, 50));
        MachineInfo machine = Machines.of("runId", "run-1", "label", "box", "physicalCores", 2, "logicalCores", 2,
                "coreCounts", List.of(2));
        RunResults run = new RunResults(Path.of("run-1"), machine, new TreeMap<>(Map.of(2, two)), List.of());
        SkewResults skew = SkewResults.of(run, 0.95).orElseThrow();
        double table = new ScalingAnalysis(0.95).analyse(run, w -> { }).get(0).cell("FIXED_POOL", 2).orElseThrow()
                .speedupSameCores().value();
        assertEquals(Math.cbrt(16), table, 1e-9);
        assertEquals(table, skew.speedup("CPU", "FIXED_POOL", SizeSpread.NONE), 1e-9, "one value per quantity");
        assertEquals(skew.lossEstimate("CPU", "FIXED_POOL", SizeSpread.PARETO).value(),
                skew.lossFactor("CPU", "FIXED_POOL", SizeSpread.PARETO), 1e-12, "the loss's point is its interval's");
        RatioEstimate loss = skew.lossEstimate("CPU", "FIXED_POOL", SizeSpread.PARETO);
        assertTrue(loss.low() <= loss.value() && loss.value() <= loss.high(), loss.toString());
    }
}
