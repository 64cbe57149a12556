package org.concurrencybench.results.cpython;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.concurrencybench.report.input.CpythonResults;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.RoundFiles;
import org.concurrencybench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CPython's round files pooled into the {@code cpython-cores-N.json} the report reads: trials of
 * every finished round concatenated per benchmark, a benchmark that failed in any round failed, a
 * round whose runner failed making the core count a runner failure, a round cut short left out.
 */
class CpythonRoundPoolTest {

    @TempDir
    Path run;

    /** A companion's file of one round: the sequential CPU batch with one trial of {@code values}, and {@code failed}. */
    private static String companion(int cpuUnits, String failed, double... values) {
        StringBuilder raw = new StringBuilder();
        for (double v : values) {
            raw.append(raw.isEmpty() ? "" : ",").append(v);
        }
        String batch = values.length == 0 ? "" : """
                {"benchmark":"cpython.batch","mode":"avgt","forks":1,"params":{"form":"sequential","workload":"CPU",
                "tasks":"64","cpuUnits":"%d"},"primaryMetric":{"score":0,"scoreUnit":"ms/op","rawData":[[%s]]}}"""
                .formatted(cpuUnits, raw);
        return """
                {"format":"concurrencybench-cpython/1","python":{"executable":"python3","version":"3.11.7",
                "implementation":"CPython","build":"gil"},"cores":2,"cpus":"0,1","startMethod":"fork","cpuUnits":%d,
                "profile":{"forks":1,"warmupIterations":1,"warmupMillis":600,"iterations":2,"iterationMillis":600},
                "benchmarks":[%s],"failed":[%s]}""".formatted(cpuUnits, batch, failed);
    }

    private void round(RoundFiles files, int round, String doc, boolean finish) throws Exception {
        files.start(round);
        Files.writeString(files.partialCpythonFile(round, 2), doc);
        if (finish) {
            files.finish(round);
        }
    }

    private CpythonResultFile.CoreCount pooled(RoundFiles files) throws Exception {
        assertTrue(CpythonRoundPool.write(files, new RunFolder(run), 2));
        return CpythonResults.readFile(new RunFolder(run).cpythonFile(2));
    }

    @Test
    void twoRoundsConcatenateEachBenchmarksTrialsInRoundOrder() throws Exception {
        RoundFiles files = new RoundFiles(run);
        round(files, 1, companion(5, "", 10, 12), true);
        round(files, 2, companion(5, "", 20, 22), true);
        round(files, 3, companion(5, "", 99, 99), false); // cut short: not pooled
        CpythonResultFile.CoreCount pooled = pooled(files);
        assertEquals(1, pooled.benchmarks().size());
        BenchmarkResult batch = pooled.benchmarks().get(0);
        assertEquals(List.of(List.of(10.0, 12.0), List.of(20.0, 22.0)), batch.primary().rawData());
        assertArrayEquals(new double[] {10, 12, 20, 22}, batch.primary().samples());
        assertEquals(16.0, batch.primary().score(), 1e-9, "the mean of every value");
        assertEquals(java.util.Map.of(1, 11.0, 2, 21.0), batch.roundMeans(), "each trial's round, for pairing by round");
        assertEquals(5, pooled.cpuUnits(), "round 1's calibration, kept for a resumed run");
        String text = Files.readString(new RunFolder(run).cpythonFile(2));
        assertTrue(text.contains("\"rounds\" : [ 1, 2 ]"), text);
        assertTrue(text.contains("\"forks\" : 2"), text);
    }

    @Test
    void aBenchmarkThatFailedInAnyRoundIsFailed() throws Exception {
        RoundFiles files = new RoundFiles(run);
        round(files, 1, companion(5, "", 10, 12), true);
        String failure = """
                {"benchmark":"cpython.batch","params":{"form":"sequential","workload":"CPU","tasks":"64","cpuUnits":"5"},
                "reason":"checksum mismatch"}""";
        round(files, 2, companion(5, failure), true);
        round(files, 3, companion(5, "", 20, 22), true);
        CpythonResultFile.CoreCount pooled = pooled(files);
        assertEquals(List.of(), pooled.benchmarks(), "no mean from the rounds it passed");
        assertEquals(1, pooled.failed().size());
        assertEquals("round 2: checksum mismatch", pooled.failed().get(0).reason());
        CpythonResults results = new CpythonResults(new java.util.TreeMap<>(java.util.Map.of(2, pooled)));
        assertEquals(Optional.of("round 2: checksum mismatch"), results.batchFailure(2, "sequential", "CPU"));
    }

    @Test
    void aRoundWhoseRunnerFailedFailsTheCoreCountAndNoRoundWritesNothing() throws Exception {
        RoundFiles files = new RoundFiles(run);
        round(files, 1, companion(5, "", 10, 12), true);
        assertFalse(CpythonRoundPool.write(files, new RunFolder(run), 1), "no CPython file at 1 core in any round");
        assertFalse(Files.exists(new RunFolder(run).cpythonFile(1)));
        round(files, 2, """
                {"format":"concurrencybench-cpython/1","cores":2,"cpus":"0,1","runnerFailure":"the CPython runner exited 3:
                 OSError: boom","benchmarks":[],"failed":[]}""".replace("\n", ""), true);
        CpythonResultFile.CoreCount pooled = pooled(files);
        assertEquals("round 2: the CPython runner exited 3: OSError: boom", pooled.runnerFailure());
        CpythonResults results = new CpythonResults(new java.util.TreeMap<>(java.util.Map.of(2, pooled)));
        assertEquals(Optional.of(pooled.runnerFailure()), results.batchFailure(2, "sequential", "CPU"));
    }
}
