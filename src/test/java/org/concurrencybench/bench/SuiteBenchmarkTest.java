package org.concurrencybench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Param;
import org.junit.jupiter.api.Test;

/** The shared JMH settings live on the abstract base only, so a benchmark cannot drift from them. */
class SuiteBenchmarkTest {

    private static final List<Class<?>> BENCHMARKS = List.of(ModelBenchmark.class, CapacityBenchmark.class,
            ConvoyBenchmark.class, JvmStartBenchmark.class);

    @Test
    void everyBenchmarkInheritsTheSharedSettingsAndRepeatsNone() {
        for (Class<?> benchmark : BENCHMARKS) {
            assertTrue(SuiteBenchmark.class.isAssignableFrom(benchmark), benchmark.getSimpleName());
            assertFalse(benchmark.getDeclaredAnnotation(Fork.class) != null, benchmark + " repeats @Fork");
            assertFalse(benchmark.getDeclaredAnnotation(Warmup.class) != null, benchmark + " repeats @Warmup");
            assertFalse(benchmark.getDeclaredAnnotation(Measurement.class) != null, benchmark + " repeats @Measurement");
        }
        assertEquals(BenchmarkDefaults.FORKS, SuiteBenchmark.class.getAnnotation(Fork.class).value());
        assertEquals(BenchmarkDefaults.ITERATIONS, SuiteBenchmark.class.getAnnotation(Measurement.class).iterations());
    }

    @Test
    void onlyTheConvoyMeasuresThroughputTheClosestAnnotationWinning() {
        assertEquals(Mode.AverageTime, SuiteBenchmark.class.getAnnotation(BenchmarkMode.class).value()[0]);
        assertEquals(Mode.Throughput, ConvoyBenchmark.class.getAnnotation(BenchmarkMode.class).value()[0]);
    }

    @Test
    void theBatchSizeIsNamedOnce() throws NoSuchFieldException {
        assertEquals(String.valueOf(BenchmarkDefaults.BATCH_TASKS),
                ModelBenchmark.class.getField("tasks").getAnnotation(Param.class).value()[0]);
        assertTrue(BatchBenchmark.class.isAssignableFrom(ModelBenchmark.class));
        assertTrue(BatchBenchmark.class.isAssignableFrom(CapacityBenchmark.class));
    }
}
