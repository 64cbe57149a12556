package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.concurrencybench.model.Model;
import org.concurrencybench.report.Fixtures;
import org.concurrencybench.report.analysis.CpythonComparison;
import org.concurrencybench.report.input.CpythonResults;
import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.results.CpythonPairing;
import org.junit.jupiter.api.Test;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.cpython.CpythonResultFile;
import org.concurrencybench.results.Metric;

/**
 * The interpreter pool beside the simulation: paired with FIXED_POOL in either build (the same
 * threads without the shared lock), and a CPython that has none says so as SKIPPED with the
 * companion's line, not as a failure; a pool that did fail still says FAILED.
 */
class InterpreterPoolPairingTest {

    private static final double LEVEL = 0.95;

    @Test
    void theInterpreterPoolIsPairedWithTheFreePoolInEitherBuild() {
        assertEquals(Model.FIXED_POOL, CpythonPairing.forms(false).get(CpythonPairing.INTERPRETER_POOL));
        assertEquals(Model.FIXED_POOL, CpythonPairing.forms(true).get(CpythonPairing.INTERPRETER_POOL));
        assertEquals(Model.GLOBAL_LOCK, CpythonPairing.forms(false).get(CpythonPairing.THREAD_POOL));
        assertEquals(Model.FIXED_POOL, CpythonPairing.forms(true).get(CpythonPairing.THREAD_POOL));
    }

    private static CpythonResults withPoolFailure(String reason) {
        CpythonResultFile.Python python = new CpythonResultFile.Python("python3", "3.11.7", "CPython", "gil");
        BenchmarkResult sequential = new BenchmarkResult(CpythonResults.BATCH, "avgt", 1, 0,
                Map.of("form", "sequential", "workload", "CPU"),
                new Metric(100, Double.NaN, "ms/op", List.of(List.of(100.0, 101.0), List.of(99.0, 100.0))), Map.of());
        CpythonResultFile.Failed pool = new CpythonResultFile.Failed(CpythonResults.BATCH,
                Map.of("form", CpythonPairing.INTERPRETER_POOL, "workload", "CPU"), reason);
        CpythonResultFile.CoreCount one = new CpythonResultFile.CoreCount(CpythonResults.FORMAT, python, 1, "0", "fork", 5,
                null, null, null, List.of(sequential), List.of(pool));
        return new CpythonResults(new TreeMap<>(Map.of(1, one)));
    }

    private static String poolVerdict(CpythonResults py) {
        RunResults run = RunReader.read(Fixtures.run("cpython"));
        return CpythonComparison.speedups(run, py, "CPU", LEVEL).stream()
                .filter(r -> r.form().equals(CpythonPairing.INTERPRETER_POOL)).findFirst()
                .map(CpythonSection::verdict).orElseThrow();
    }

    @Test
    void aCpythonWithoutOneSaysSoAsSkipped() {
        String why = "not available in CPython 3.11 (subinterpreters with their own GIL came with 3.12)";
        assertEquals("SKIPPED: " + why, poolVerdict(withPoolFailure(why)));
    }

    @Test
    void aPoolThatFailedIsStillFailed() {
        String why = "exit 1: RuntimeError: in a subinterpreter: ImportError: module readline does not support"
                + " loading in subinterpreters";
        assertEquals("FAILED (CPython): " + why, poolVerdict(withPoolFailure(why)));
    }

    @Test
    void aFormTheInterpreterLacksIsOneSentenceAndNoTableRow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) {
        String why = "not available in CPython 3.11 (subinterpreters with their own GIL came with 3.12)";
        RunResults run = RunReader.read(Fixtures.run("cpython"));
        org.concurrencybench.report.render.ReportDocument document =
                new org.concurrencybench.report.render.ReportDocument("t");
        CpythonSection.add(document, run, withPoolFailure("round 1: " + why), LEVEL, "t",
                new org.concurrencybench.report.render.ChartSink(out,
                        java.util.EnumSet.of(org.concurrencybench.report.render.OutputFormat.PNG), Runnable::run));
        String md = org.concurrencybench.report.render.MarkdownRenderer.render(document);
        assertEquals(1, md.split(java.util.regex.Pattern.quote(CpythonPairing.INTERPRETER_POOL), -1).length - 1, md);
        org.junit.jupiter.api.Assertions.assertTrue(md.contains(CpythonPairing.INTERPRETER_POOL
                + " (FIXED_POOL's counterpart): " + why + "."), md);
        org.junit.jupiter.api.Assertions.assertFalse(md.contains("round 1:"), md);
        org.junit.jupiter.api.Assertions.assertFalse(md.contains("| " + CpythonPairing.INTERPRETER_POOL), md);
    }
}
