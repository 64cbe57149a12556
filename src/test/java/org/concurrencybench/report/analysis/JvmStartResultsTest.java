package org.concurrencybench.report.analysis;

import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.Metric;
import org.concurrencybench.report.input.RunResults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The JVM start-up table: the starts as measured, and PROCESS_PER_TASK's cost per task worked out from SLEEP. */
class JvmStartResultsTest {

    private static BenchmarkResult result(String benchmark, Map<String, String> params, double... raw) {
        return new BenchmarkResult(benchmark, "avgt", 1, 1, params, new Metric(raw[0], 0, "ms/op", new double[][] {raw}),
                Map.of());
    }

    @Test
    void perTaskCostIsBatchTimesChildrenOverTasksLessTheSleep() {
        List<BenchmarkResult> atTwoCores = List.of(
                result("org.concurrencybench.bench.JvmStartBenchmark.start", Map.of("start", "BARE_JVM"), 40, 40, 40),
                result("org.concurrencybench.bench.JvmStartBenchmark.start", Map.of("start", "WORKER_WITH_APP_CDS"),
                        50, 50, 50),
                // 64 sleeps of 10 ms, 2 children at a time: 32 rounds of 60 ms = 1920 ms -> 50 ms per task
                result("org.concurrencybench.bench.ModelBenchmark.batch", Map.of("model", "PROCESS_PER_TASK",
                        "workload", "SLEEP", "tasks", "64", "parallelism", "0", "sleepMicros", "10000"), 1920, 1920),
                result("org.concurrencybench.bench.ModelBenchmark.batch", Map.of("model", "PROCESS_PER_TASK",
                        "workload", "CPU", "tasks", "64", "parallelism", "0", "sleepMicros", "10000"), 9999));
        TreeMap<Integer, List<BenchmarkResult>> byCores = new TreeMap<>(Map.of(2, atTwoCores));
        RunResults run = new RunResults(Path.of("x"), null, byCores, List.of());
        JvmStartResults jvm = JvmStartResults.of(run, 0.95).orElseThrow();
        assertEquals(2, jvm.cores());
        assertEquals(List.of("BARE_JVM", "WORKER_WITH_APP_CDS"), jvm.starts().stream().map(JvmStartResults.Start::kind)
                .toList());
        assertEquals(40, jvm.bare().orElseThrow().millis().mean(), 1e-9);
        assertEquals(50.0, jvm.processPerTaskMillis(), 1e-9);
    }

    @Test
    void perTaskCostComesFromTheEvenBatchWhateverTheOrderOfTheCells() {
        // as in results/20261201-081732-dev-2core: the same model and workload also ran under a
        // PARETO spread, chunked and largest first, whose batch time is not the even batch's
        BenchmarkResult even = processPerTaskSleep(Map.of(), 1920);
        List<BenchmarkResult> uneven = List.of(processPerTaskSleep(Map.of("spread", "PARETO"), 1700),
                processPerTaskSleep(Map.of("order", "LARGEST_FIRST"), 1600),
                processPerTaskSleep(Map.of("chunksize", "0"), 1500));
        for (boolean evenFirst : new boolean[] {true, false}) {
            List<BenchmarkResult> atTwoCores = new java.util.ArrayList<>(List.of(
                    result("org.concurrencybench.bench.JvmStartBenchmark.start", Map.of("start", "BARE_JVM"), 40, 40)));
            if (evenFirst) {
                atTwoCores.add(even);
            }
            atTwoCores.addAll(uneven);
            if (!evenFirst) {
                atTwoCores.add(even);
            }
            RunResults run = new RunResults(Path.of("x"), null, new TreeMap<>(Map.of(2, atTwoCores)), List.of());
            assertEquals(50.0, JvmStartResults.of(run, 0.95).orElseThrow().processPerTaskMillis(), 1e-9,
                    "even batch " + (evenFirst ? "first" : "last"));
        }
    }

    private static BenchmarkResult processPerTaskSleep(Map<String, String> variant, double millis) {
        Map<String, String> params = new TreeMap<>(Map.of("model", "PROCESS_PER_TASK", "workload", "SLEEP",
                "tasks", "64", "parallelism", "0", "sleepMicros", "10000", "spread", "NONE", "chunksize", "1",
                "order", "AS_GENERATED"));
        params.putAll(variant);
        return result("org.concurrencybench.bench.ModelBenchmark.batch", params, millis, millis);
    }

    @Test
    void aRunWithoutTheStartUpBenchmarkHasNoTable() {
        RunResults run = new RunResults(Path.of("x"), null, new TreeMap<>(Map.of(1, List.of())), List.of());
        assertTrue(JvmStartResults.of(run, 0.95).isEmpty());
    }
}
