package org.concurrencybench.report.sections;

import org.concurrencybench.report.Fixtures;
import org.concurrencybench.report.ReportGenerator;
import org.concurrencybench.report.analysis.CpythonComparison;
import org.concurrencybench.report.charts.CpythonCharts;
import org.concurrencybench.report.input.CpythonResults;
import org.concurrencybench.report.input.ReportException;
import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.OutputFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.cpython.CpythonResultFile;
import org.concurrencybench.results.Metric;

/**
 * The report's CPython comparison on the planted run {@code report/cpython} (written by
 * src/test/fixture-tools/make_cpython_fixture.py with the companion's own writer; its header lists
 * the known answers), on a file the real runner wrote, and on a file of another shape.
 */
class CpythonReportTest {

    private static final double LEVEL = 0.95;

    @TempDir
    Path dir;

    private static CpythonComparison.SpeedupRow row(List<CpythonComparison.SpeedupRow> rows, String form, int cores) {
        return rows.stream().filter(r -> r.form().equals(form) && r.cores() == cores).findFirst().orElseThrow();
    }

    @Test
    void formsArePairedWithTheModelOfTheirShape() {
        RunResults run = RunReader.read(Fixtures.run("cpython"));
        CpythonResults py = CpythonResults.read(run.directory()).orElseThrow();
        Map<String, String> pairs = CpythonComparison.speedups(run, py, "CPU", LEVEL).stream()
                .collect(Collectors.toMap(CpythonComparison.SpeedupRow::form, CpythonComparison.SpeedupRow::model,
                        (a, b) -> a, java.util.LinkedHashMap::new));
        assertEquals(Map.of("sequential", "SEQUENTIAL", "threading.Thread", "GLOBAL_LOCK_PER_TASK",
                "ThreadPoolExecutor", "GLOBAL_LOCK", "multiprocessing.Process", "PROCESS_PER_TASK",
                "ProcessPoolExecutor", "PROCESS_POOL", "asyncio", "EVENT_LOOP"), pairs);
    }

    @Test
    void speedupsRatiosAndVerdictsMeetThePlantedAnswers() {
        RunResults run = RunReader.read(Fixtures.run("cpython"));
        CpythonResults py = CpythonResults.read(run.directory()).orElseThrow();
        List<CpythonComparison.SpeedupRow> rows = CpythonComparison.speedups(run, py, "CPU", LEVEL);
        CpythonComparison.SpeedupRow pool = row(rows, "ThreadPoolExecutor", 2);
        assertEquals(1.0, pool.cpython().value(), 1e-9);
        assertEquals(1.0, pool.jvm().value(), 1e-9);
        assertEquals("agrees: the same within x/\u00f7 1.10", CpythonSection.verdict(pool));
        CpythonComparison.SpeedupRow processes = row(rows, "ProcessPoolExecutor", 2);
        assertEquals(0.8, processes.cpython().value(), 1e-9);
        assertEquals(2.0, processes.jvm().value(), 1e-9);
        assertEquals(0.4, processes.ratio().value(), 1e-9);
        assertTrue(processes.ratio().high() < 1, "the interval excludes agreement: " + processes.ratio());
        assertEquals("differs: CPython's is 1/2.50 of the simulation's; more than 2.00x apart, why under the table",
                CpythonSection.verdict(processes));
        assertEquals(List.of("ProcessPoolExecutor against PROCESS_POOL at 2 cores (1/2.50): this run has no figure that"
                + " explains the gap."), CpythonGaps.explain(run, py, "CPU", rows, LEVEL));
        assertEquals("FAILED (CPython): exit 1: OSError: boom", CpythonSection.verdict(row(rows, "multiprocessing.Process", 2)));
        assertEquals("agrees: the same within x/\u00f7 1.10", CpythonSection.verdict(row(rows, "multiprocessing.Process", 1)));
    }

    @Test
    void convoySlowdownsAreComparedPerSwitchInterval() {
        RunResults run = RunReader.read(Fixtures.run("cpython"));
        CpythonResults py = CpythonResults.read(run.directory()).orElseThrow();
        List<CpythonComparison.ConvoyRow> rows = CpythonComparison.convoy(run, py, LEVEL);
        assertEquals(6, rows.size());
        CpythonComparison.ConvoyRow at5000 = rows.stream().filter(r -> r.switchMicros() == 5000 && r.cpuThreads() == 1)
                .findFirst().orElseThrow();
        assertEquals(50, at5000.cpythonSlowdown().value(), 1e-9);
        assertEquals(50, at5000.jvmSlowdown().value(), 1e-9);
        assertEquals("agrees: the same within x/\u00f7 1.10", CpythonSection.verdict(at5000));
        CpythonComparison.ConvoyRow at1000 = rows.stream().filter(r -> r.switchMicros() == 1000 && r.cpuThreads() == 1)
                .findFirst().orElseThrow();
        assertEquals(0.625, at1000.ratio().value(), 1e-9);
        assertTrue(CpythonSection.verdict(at1000).startsWith("differs: CPython's is 1/1.60"), CpythonSection.verdict(at1000));
        assertFalse(CpythonSection.verdict(at1000).contains("more than"), CpythonSection.verdict(at1000));
    }

    @Test
    void aFreeThreadedCpythonIsPairedWithTheFreeModels() throws Exception {
        Path copy = Fixtures.copy("cpython", dir.resolve("free"));
        for (String file : List.of("cpython-cores-1.json", "cpython-cores-2.json")) {
            Path f = copy.resolve(file);
            Files.writeString(f, Files.readString(f).replace("\"build\": \"gil\"", "\"build\": \"free-threaded\""));
        }
        RunResults run = RunReader.read(copy);
        CpythonResults py = CpythonResults.read(copy).orElseThrow();
        assertTrue(py.freeThreaded());
        CpythonComparison.SpeedupRow pool = row(CpythonComparison.speedups(run, py, "CPU", LEVEL), "ThreadPoolExecutor", 2);
        assertEquals("FIXED_POOL", pool.model());
        assertEquals("SKIPPED: the JVM did not run FIXED_POOL", CpythonSection.verdict(pool));
    }

    @Test
    void theReportHasTheComparisonSection() throws Exception {
        Path out = dir.resolve("report");
        new ReportGenerator(LEVEL, java.util.EnumSet.of(OutputFormat.MD, OutputFormat.PNG))
                .write(List.of(RunReader.read(Fixtures.run("cpython"))), out, w -> { });
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Real CPython beside the simulation"), md);
        assertTrue(md.contains("CPython 3.11.7 (with the GIL)"), md);
        assertTrue(Files.isRegularFile(out.resolve("cpython-cpu.png")));
        assertTrue(Files.isRegularFile(out.resolve("cpython-convoy.png")));
    }

    /** A CPython side of one trial per round: sequential at 1 core and the pool at 2, every round slower than the last. */
    private static CpythonResults drifting(List<Integer> rounds) {
        CpythonResultFile.Python python = new CpythonResultFile.Python("python3", "3.11.7", "CPython", "gil");
        java.util.function.BiFunction<String, List<List<Double>>, BenchmarkResult> batch = (form, raw) ->
                new BenchmarkResult(CpythonResults.BATCH, "avgt", 1, 0, Map.of("form", form, "workload", "CPU"),
                        new Metric(0, Double.NaN, "ms/op", raw), Map.of(), rounds);
        CpythonResultFile.CoreCount one = new CpythonResultFile.CoreCount(CpythonResults.FORMAT, python, 1, "0", "fork", 5,
                null, null, null, List.of(batch.apply("sequential", List.of(List.of(100.0), List.of(200.0), List.of(300.0)))),
                List.of());
        CpythonResultFile.CoreCount two = new CpythonResultFile.CoreCount(CpythonResults.FORMAT, python, 2, "0,1", "fork", 5,
                null, null, null, List.of(batch.apply("ThreadPoolExecutor",
                        List.of(List.of(50.0), List.of(100.0), List.of(150.0)))), List.of());
        return new CpythonResults(new java.util.TreeMap<>(Map.of(1, one, 2, two)));
    }

    @Test
    void cpythonsSpeedupIsPairedByRoundWhereItsTrialsCameFromRounds() {
        RunResults run = RunReader.read(Fixtures.run("cpython"));
        CpythonComparison.SpeedupRow paired = row(CpythonComparison.speedups(run, drifting(List.of(1, 2, 3)), "CPU", LEVEL),
                "ThreadPoolExecutor", 2);
        assertEquals(2.0, paired.cpython().value(), 1e-9);
        assertEquals(2.0, paired.cpython().low(), 1e-9, "each round's ratio is 2: the drift cancels");
        assertEquals(2.0, paired.cpython().high(), 1e-9);
        CpythonComparison.SpeedupRow unpaired = row(CpythonComparison.speedups(run, drifting(null), "CPU", LEVEL),
                "ThreadPoolExecutor", 2);
        assertTrue(unpaired.cpython().high() - unpaired.cpython().low() > 1, "without rounds the drift widens it: "
                + unpaired.cpython());
    }

    @Test
    void readsWhatTheRealRunnerWrote() {
        CpythonResultFile.CoreCount count = CpythonResults.readFile(Fixtures.run("cpython").getParent()
                .resolve("cpython-real").resolve("cpython-cores-1.json"));
        assertEquals(1, count.cores());
        assertEquals(List.of("cpython.batch", "cpython.batch", "cpython.convoy"),
                count.benchmarks().stream().map(BenchmarkResult::benchmark).toList());
        assertTrue(count.benchmarks().stream().allMatch(e -> e.primary().samples().length == 3));
        assertEquals("CPython", count.python().implementation());
    }

    @Test
    void aFileOfAnotherShapeIsRejectedWithOneLineNamingIt() throws Exception {
        Path copy = Fixtures.copy("cpython", dir.resolve("wrong"));
        Files.copy(copy.resolve("cores-1.json"), copy.resolve("cpython-cores-1.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ReportException e = assertThrows(ReportException.class, () -> CpythonResults.read(copy));
        assertEquals(copy.resolve("cpython-cores-1.json") + ": not a CPython result file (expected an object with"
                + " \"format\": \"concurrencybench-cpython/1\" and a \"benchmarks\" array; see docs/cpython.md)",
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void theSpeedupChartPlacesCoreCountsOnTheLog2AxisItsLabelsRead() {
        RunResults run = RunReader.read(Fixtures.run("cpython"));
        CpythonResults py = CpythonResults.read(Fixtures.run("cpython")).orElseThrow();
        List<CpythonComparison.SpeedupRow> rows = CpythonComparison.speedups(run, py, "CPU", LEVEL);
        org.knowm.xchart.XYChart chart = (org.knowm.xchart.XYChart) CpythonCharts.speedupChart(rows, "CPU", "t").chart();
        for (org.knowm.xchart.XYSeries series : chart.getSeriesMap().values()) {
            for (double x : series.getXData()) {
                double cores = Math.pow(2, x); // what ChartStyle.coresAxis prints under the point
                assertTrue(rows.stream().anyMatch(r -> Math.abs(r.cores() - cores) < 1e-9),
                        series.getName() + ": a point labelled " + cores + " cores, which no row has");
            }
        }
    }
}
