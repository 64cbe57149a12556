package org.concurrencybench.report.sections.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.concurrencybench.report.ReportGenerator;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.Machines;
import org.concurrencybench.results.Metric;
import org.concurrencybench.report.compare.UnevenCells;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.OutputFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison report as a reader meets it, on the committed same-settings runs (three of A, one
 * of B with more work per CPU task, all on one VM): the headline first, its own way to read it, no
 * empty column, the uneven cells it leaves out named, and "both runs" for runs of one machine.
 */
class ComparisonReportTest {

    private static final Path RESULTS = Path.of("results");
    private static List<RunResults> aa;
    private static RunResults b;

    @BeforeAll
    static void read() {
        aa = ReportGenerator.read(List.of(RESULTS.resolve("20261207-195358-dev-2core-aa1"),
                RESULTS.resolve("20261207-210034-dev-2core-aa2"), RESULTS.resolve("20261207-220053-dev-2core-aa3")));
        b = ReportGenerator.read(List.of(RESULTS.resolve("20261207-220531-dev-2core-B"))).get(0);
    }

    private static String report(Path out, List<List<RunResults>> sides) throws Exception {
        new ReportGenerator(0.95, EnumSet.of(OutputFormat.MD)).writeSides(sides, out, warning -> { });
        return Files.readString(out.resolve("report.md"));
    }

    @Test
    void theHeadlineComesFirstWithTheLargestDecidedChange(@TempDir Path temp) throws Exception {
        String md = report(temp, List.of(List.of(aa.get(2)), List.of(b)));
        List<String> lines = md.lines().toList();
        assertTrue(lines.get(2).startsWith("**dev-2core-B against dev-2core-aa3: of 12 cells, "), lines.get(2));
        assertTrue(lines.get(2).matches(".*\\d+ slower, \\d+ faster, \\d+ the same, \\d+ we cannot tell\\.\\*\\*.*"), lines.get(2));
        assertTrue(lines.get(2).contains("The largest change: CPU ") && lines.get(2).contains("(ratio B/A 1."), lines.get(2));
        assertTrue(md.indexOf("**dev-2core-B against") < md.indexOf("## Machines"));
    }

    @Test
    void itsOwnHowToReadNoEmptyColumnAndBothRunsOfOneMachine(@TempDir Path temp) throws Exception {
        String md = report(temp, List.of(aa, List.of(b)));
        assertTrue(md.contains("## How to read a comparison"), md);
        assertFalse(md.contains("Karp-Flatt") || md.contains("efficiency") || md.contains("How to read the numbers"),
                "the single-run text about efficiency and fits belongs to each run's own report");
        assertFalse(md.contains("per-core throughput change"), "the sides' most cores are alike: that column is all \u2014");
        assertFalse(md.lines().anyMatch(l -> l.startsWith("|") && l.contains("| \u2014 |")), "no column left empty");
        assertTrue(md.contains("hold on both runs?") && !md.contains("both machines"), "one VM: both runs, never both machines");
        assertTrue(md.contains("Not compared here, uneven-task batches") && md.contains("6 cells in both runs")
                && md.contains("CPU FIXED_POOL spread=PARETO at 2 cores"), md);
        assertTrue(md.contains("No cell is called slower or faster. The largest move, which we cannot tell: "), md);
        assertTrue(md.startsWith("# Comparison: dev-2core-aa1 +2 runs vs dev-2core-B\n"), "a side of three runs is named so");
    }

    @Test
    void unevenCellsOfOneRunOnlyAreListed() {
        UnevenCells uneven = new UnevenCells(new TreeSet<>(List.of("CPU FIXED_POOL spread=PARETO at 2 cores")),
                new TreeSet<>(List.of("CPU PROCESS_POOL chunksize=0 at 2 cores")), new TreeSet<>());
        String line = UnpairedCells.unevenLine("laptop", "server", uneven);
        assertTrue(line.contains("1 cell in both runs (CPU FIXED_POOL spread=PARETO at 2 cores")
                && line.contains("only laptop has CPU PROCESS_POOL chunksize=0 at 2 cores"), line);
        assertEquals(null, UnpairedCells.unevenLine("laptop", "server", new UnevenCells(new TreeSet<>(), new TreeSet<>(), new TreeSet<>())));
        assertEquals(new TreeSet<>(), UnevenCells.of(aa.get(0), b).onlyA(), "the same settings hold the same uneven cells");
    }

    @Test
    void aColumnOfDashesIsDropped() {
        List<List<String>> rows = List.of(List.of("A", Numbers.ABSENT, "1"), List.of("B", Numbers.ABSENT, Numbers.ABSENT));
        assertEquals(List.of(0, 2), ComparisonReport.filledColumns(3, rows));
    }

    @Test
    void aRatioShowsItsSideOfOneAsItsBoundsDo() {
        assertEquals("1.0004 [0.9500, 1.0600]", Numbers.ratioWithInterval(1.0004, 0.95, 1.06));
        assertEquals("0.9996", Numbers.ratio(0.9996));
        assertEquals("1.050", Numbers.ratio(1.05));
    }

    @Test
    void severalRunsASideGetAFolderAPersonCanRead() {
        Path name = ReportGenerator.defaultOutputOfSides(List.of(aa, List.of(b)));
        String folder = name.getFileName().toString();
        assertTrue(folder.matches("compare-20261207-195358-dev-2core-aa1\\+2-vs-20261207-220531-dev-2core-B-[0-9a-f]{8}"), folder);
        Path other = ReportGenerator.defaultOutputOfSides(List.of(List.of(aa.get(0), aa.get(2), b), List.of(b)));
        assertNotEquals(name, other, "another set of runs with the same first and count is another folder");
        assertEquals(Path.of("charts", "compare-20261207-220053-dev-2core-aa3-vs-20261207-220531-dev-2core-B"),
                ReportGenerator.defaultOutputOfSides(List.of(List.of(aa.get(2)), List.of(b))));
    }

    private static RunResults runWithBatches(String id, String tasks) {
        BenchmarkResult batch = new BenchmarkResult("org.concurrencybench.bench.ModelBenchmark.batch", "avgt", 1, 1,
                java.util.Map.of("model", "SEQUENTIAL", "workload", "CPU", "tasks", tasks),
                new Metric(100, 0, "ms/op", new double[][] {{100}}), java.util.Map.of());
        TreeMap<Integer, List<BenchmarkResult>> byCores = new TreeMap<>(java.util.Map.of(1, List.of(batch)));
        return new RunResults(Path.of(id), Machines.of("runId", id, "suiteCommit", "4c0b47618024"), byCores, List.of());
    }

    @Test
    void aComparisonOfBatchesOfDifferentSizesSaysSoAndRunsOfOneSizeDoNot() {
        RunResults quick = runWithBatches("laptop", "32");
        RunResults full = runWithBatches("server", "64");
        assertEquals(new java.util.TreeSet<>(List.of("32")), quick.batchSizes());

        assertEquals(java.util.Optional.of("Warning: the runs' batches differ in size (laptop: 32 tasks; server: 64"
                        + " tasks), so their batch times differ by that alone; compare their speedups and rankings, not"
                        + " their times."),
                ComparisonReport.batchSizeWarning(List.of("laptop", "server"), List.of(quick, full)));
        assertEquals(java.util.Optional.empty(), ComparisonReport.batchSizeWarning(List.of("laptop", "other"),
                List.of(quick, runWithBatches("other", "32"))));
    }
}
