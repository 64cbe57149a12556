package org.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.cpython.CpythonResultFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One record for a cell's samples: JMH's entry and the CPython companion's read into the same
 * {@link BenchmarkResult}, equal by value, and pooled over rounds by one routine.
 */
class BenchmarkResultTest {

    @TempDir
    Path dir;

    @Test
    void jmhsEntryAndTheCompanionsReadIntoTheSameRecord() throws Exception {
        Path jmh = dir.resolve("cores-1.json");
        Files.writeString(jmh, """
                [{"benchmark":"org.concurrencybench.bench.ModelBenchmark.batch","mode":"avgt","forks":2,
                  "params":{"model":"SEQUENTIAL","workload":"CPU"},
                  "primaryMetric":{"score":"NaN","scoreError":"NaN","scoreUnit":"ms/op","rawData":[[1.0,2.0],[3.0]]}}]""");
        Path python = dir.resolve("cpython-cores-1.json");
        Files.writeString(python, """
                {"format":"concurrencybench-cpython/1","cores":1,"benchmarks":[{"benchmark":"cpython.batch","mode":"avgt",
                 "forks":2,"params":{"form":"sequential","workload":"CPU"},"rounds":[1,2],
                 "primaryMetric":{"score":2.0,"scoreUnit":"ms/op","rawData":[[1.0,2.0],[3.0]]}}],"failed":[]}""");

        BenchmarkResult fromJmh = JmhResultFile.read(jmh).get(0);
        BenchmarkResult fromPython = CpythonResultFile.read(python).benchmarks().get(0);

        Metric expected = new Metric(Double.NaN, Double.NaN, "ms/op", new double[][] {{1, 2}, {3}});
        assertEquals(new BenchmarkResult("org.concurrencybench.bench.ModelBenchmark.batch", "avgt", 1, 2,
                Map.of("model", "SEQUENTIAL", "workload", "CPU"), expected, Map.of()), fromJmh, "equal by value");
        assertEquals(List.of(List.of(1.0, 2.0), List.of(3.0)), fromPython.primary().rawData());
        assertEquals(1, fromPython.threads(), "absent: one thread");
        assertEquals("sequential", fromPython.param("form"));
        assertEquals("", fromPython.param("tasks"), "absent: empty");
        assertEquals(Map.of(1, 1.5, 2, 3.0), fromPython.roundMeans(), "the companion's rounds, paired by round");
        assertEquals(Map.of(), fromJmh.roundMeans(), "no rounds known");
    }

    @Test
    void oneRoutinePoolsRoundsWhoeverMeasuredThem() {
        BenchmarkResult one = round(1, new double[][] {{10, 12}});
        BenchmarkResult two = round(2, new double[][] {{20, Double.NaN}, {24}});

        BenchmarkResult pooled = BenchmarkResult.pool(List.of(one, two));

        assertEquals(3, pooled.forks());
        assertEquals(List.of(1, 2, 2), pooled.rounds());
        assertArrayEquals(new double[] {10, 12, 20, 24}, pooled.primary().samples());
        assertEquals(16.5, pooled.primary().score(), 1e-12, "the mean of every finite value");
        assertTrue(Double.isNaN(pooled.primary().scoreError()), "the report computes its own error");
        assertEquals(Map.of(1, 11.0, 2, 22.0), pooled.roundMeans());
        assertEquals(new Metric(Double.NaN, Double.NaN, "B/op", new double[][] {{5}, {5}, {5}}),
                new Metric(Double.NaN, Double.NaN, "B/op", new double[][] {{5}, {5}, {5}}));
        assertEquals(List.of(List.of(5.0), List.of(6.0), List.of(7.0)),
                pooled.secondaryMetric("gc.alloc.rate.norm").rawData(), "secondary metrics pooled alike");
    }

    private static BenchmarkResult round(int round, double[][] raw) {
        Map<String, Metric> secondary = Map.of("\u00b7gc.alloc.rate.norm", new Metric(0, Double.NaN, "B/op",
                round == 1 ? new double[][] {{5}} : new double[][] {{6}, {7}}));
        return new BenchmarkResult("x.ModelBenchmark.batch", "avgt", 1, raw.length, Map.of("model", "FIXED_POOL"),
                new Metric(0, Double.NaN, "ms/op", raw), secondary, java.util.Collections.nCopies(raw.length, round));
    }
}
