package org.concurrencybench.sweep.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.concurrencybench.bench.ConvoyBenchmark;
import org.concurrencybench.bench.JvmStartBenchmark;
import org.concurrencybench.bench.ModelBenchmark;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.Cell;
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.Test;

/** The cells a plan counts come from the benchmarks' own {@code @Param} declarations. */
class BenchmarkCellsTest {

    @Test
    void givenValuesMultiplyAndDeclaredSingleValuesDoNotNameACell() {
        List<Cell> cells = BenchmarkCells.of(ModelBenchmark.class, Map.of("model", List.of("SEQUENTIAL", "FIXED_POOL"),
                "workload", List.of("CPU")));
        assertEquals(List.of(Map.of("model", "SEQUENTIAL", "workload", "CPU"), Map.of("model", "FIXED_POOL", "workload", "CPU")),
                cells.stream().map(Cell::params).toList());
        assertEquals("org.concurrencybench.bench.ModelBenchmark.batch", cells.get(0).benchmark());
        assertEquals("1", cells.get(0).defaults().get("chunksize"), "the other @Params at their declared values");
        Map<String, String> even = Map.of("model", "SEQUENTIAL", "workload", "CPU", "chunksize", "1", "spread", "NONE");
        assertTrue(cells.get(0).matches(cells.get(0).benchmark(), even));
        Map<String, String> chunked = new java.util.HashMap<>(even);
        chunked.put("chunksize", "0");
        assertFalse(cells.get(0).matches(cells.get(0).benchmark(), chunked), "a chunked batch is another cell");
    }

    @Test
    void theConvoyAndJvmStartCountsFollowTheirParamArrays() {
        int cpuThreads = BenchmarkCells.declaredValues(ConvoyBenchmark.class, "cpuThreads").size();
        int intervals = BenchmarkCells.declaredValues(ConvoyBenchmark.class, "switchIntervalMicros").size();
        assertEquals(cpuThreads * intervals, BenchmarkCells.of(ConvoyBenchmark.class,
                Map.of("model", List.of("GLOBAL_LOCK"))).size());
        assertEquals(JvmStartBenchmark.Start.values().length, BenchmarkCells.of(JvmStartBenchmark.class, Map.of()).size());
        List<SweepPlan.Step> smoke = SweepPlan.stepsFor(Profile.SMOKE, List.of(Model.SEQUENTIAL), List.of(Workload.SLEEP),
                true);
        assertEquals(2, smoke.get(1).benchmarks(), "smoke: none and one CPU-bound thread, under the lock at one interval");
        assertEquals(cpuThreads * intervals, SweepPlan.stepsFor(Profile.DEFAULT, List.of(), List.of(), true).get(0)
                .benchmarks(), "the default profile: every CPU-thread count at every interval");
        assertEquals(List.of("16"), smoke.get(0).params().get("tasks"), smoke.get(0).params().toString());
        assertTrue(smoke.get(0).cells().get(0).matches("org.concurrencybench.bench.ModelBenchmark.batch",
                Map.of("model", "SEQUENTIAL", "workload", "SLEEP", "tasks", "16", "parallelism", "0")));
        assertEquals(org.concurrencybench.bench.ModelBenchmark.class, smoke.get(0).benchmarkClass());
    }

    @Test
    void aCellLabelNamesItsBenchmarkAndParameters() {
        assertEquals("ConvoyBenchmark.roundTrip cpuThreads=1 model=GLOBAL_LOCK",
                new Cell("org.concurrencybench.bench.ConvoyBenchmark.roundTrip",
                        Map.of("model", "GLOBAL_LOCK", "cpuThreads", "1")).label());
    }
}
