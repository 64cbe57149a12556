package org.concurrencybench.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The task-size generator: reproducible, normalised to mean 1x (so batch totals are equal across
 * spreads), Pareto's cap, each distribution's known shape, and NONE giving even batches, every task the same.
 */
class SizeSpreadTest {

    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 9);

    @ParameterizedTest
    @EnumSource(SizeSpread.class)
    void theSameSeedGivesTheSameSizes(SizeSpread spread) {
        assertArrayEquals(spread.factors(64, 99), spread.factors(64, 99));
        assertArrayEquals(spread.sizes(64, 700, 99), spread.sizes(64, 700, 99));
        if (spread != SizeSpread.NONE) {
            assertFalse(Arrays.equals(spread.factors(64, 99), spread.factors(64, 100)), "another seed, other sizes");
        }
    }

    @ParameterizedTest
    @EnumSource(SizeSpread.class)
    void theMeanIsOneWithinOnePercentOver64AndOver10000Tasks(SizeSpread spread) {
        for (int tasks : new int[] {64, 10_000}) {
            for (long seed = 1; seed <= 20; seed++) {
                double mean = Arrays.stream(spread.factors(tasks, seed)).average().orElseThrow();
                assertEquals(1.0, mean, 0.01, spread + ", " + tasks + " tasks, seed " + seed);
                long[] sizes = spread.sizes(tasks, 700, seed);
                assertEquals(700L * tasks, Arrays.stream(sizes).sum(), "whole units: the total is exact");
                assertTrue(Arrays.stream(sizes).allMatch(size -> size >= 0));
            }
        }
    }

    @Test
    void paretoNeverGivesOneTaskMoreThanAQuarterOfTheBatch() {
        boolean capReached = false;
        for (long seed = 1; seed <= 300; seed++) {
            double[] factors = SizeSpread.PARETO.factors(64, seed);
            double largest = Arrays.stream(factors).max().orElseThrow();
            assertTrue(largest <= 16 + 1e-9, "seed " + seed + ": a task of " + largest + "x is over 1/4 of 64");
            capReached |= largest > 16 - 1e-9;
            long[] sizes = SizeSpread.PARETO.sizes(64, 700, seed);
            assertTrue(Arrays.stream(sizes).max().orElseThrow() <= 64 * 700 / 4, "seed " + seed);
        }
        assertTrue(capReached, "300 batches of a heavy tail reach the cap at least once, or the cap is not tested");
        // A batch of 4 tasks or fewer cannot give one a quarter without evening them all out.
        assertArrayEquals(new long[] {10, 10, 10}, SizeSpread.PARETO.sizes(3, 10, 5));
    }

    @Test
    void eachSpreadHasItsDistributionsShape() {
        double[] uniform = SizeSpread.UNIFORM.factors(10_000, 3);
        assertTrue(Arrays.stream(uniform).min().orElseThrow() >= 0.1 * 0.99);
        assertTrue(Arrays.stream(uniform).max().orElseThrow() <= 1.9 * 1.01);
        // Coefficients of variation: uniform on [0.1, 1.9] 0.9/sqrt(3) = 0.520; exponential 1.
        assertEquals(0.9 / Math.sqrt(3), cv(uniform), 0.02);
        assertEquals(1.0, cv(SizeSpread.EXPONENTIAL.factors(10_000, 3)), 0.05);
        assertTrue(cv(SizeSpread.PARETO.factors(10_000, 3)) > 1.2, "Pareto 1.5 is heavier-tailed than exponential");
        assertEquals(0.0, cv(SizeSpread.NONE.factors(100, 3)));
    }

    private static double cv(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
        return Math.sqrt(variance) / mean;
    }

    @Test
    void noneReproducesTheSuitesBatchesExactly() {
        // Even batches, what the scaling is measured on: the same record for every task.
        WorkloadSettings s = WorkloadSettings.DEFAULT;
        assertEquals(List.of(new CpuTask(100, 700), new CpuTask(101, 700), new CpuTask(102, 700)),
                Workload.CPU.batch(3, s, SizeSpread.NONE, 7, 100, null));
        assertEquals(List.of(new SleepTask(5, 10_000), new SleepTask(6, 10_000)),
                Workload.SLEEP.batch(2, s, SizeSpread.NONE, 7, 5, null));
        assertEquals(List.of(new IoTask(9, 20, 256, SERVER), new IoTask(10, 20, 256, SERVER)),
                Workload.IO.batch(2, s, SizeSpread.NONE, 7, 9, SERVER));
        // MIXED: ioRoundTrips steps of mixedCpuUnits / ioRoundTrips = 200 / 20 = 10 units each.
        assertEquals(List.of(new MixedTask(1, 20, 10, 256, SERVER), new MixedTask(2, 20, 10, 256, SERVER)),
                Workload.MIXED.batch(2, s, SizeSpread.NONE, 7, 1, SERVER));
        for (Workload workload : Workload.BUILT_IN) {
            assertEquals(workload.batch(64, s, 42, SERVER), workload.batch(64, s, SizeSpread.NONE, 1234, 42, SERVER),
                    workload + ": the size seed does not matter without a spread");
        }
    }

    @ParameterizedTest
    @EnumSource(SizeSpread.class)
    void everyWorkloadsBatchKeepsItsTotalAndSeeds(SizeSpread spread) {
        WorkloadSettings s = WorkloadSettings.DEFAULT;
        List<Task> cpu = Workload.CPU.batch(64, s, spread, 5, 100, null);
        assertEquals(64L * 700, cpu.stream().mapToLong(t -> ((CpuTask) t).units()).sum());
        assertEquals(100 + 63, ((CpuTask) cpu.get(63)).seed(), "task i keeps seed seedBase + i");
        assertEquals(64L * 10_000, Workload.SLEEP.batch(64, s, spread, 5, 1, null).stream()
                .mapToLong(t -> ((SleepTask) t).micros()).sum());
        assertEquals(64L * 20, Workload.IO.batch(64, s, spread, 5, 1, SERVER).stream()
                .mapToLong(t -> ((IoTask) t).roundTrips()).sum());
        List<Task> mixed = Workload.MIXED.batch(64, s, spread, 5, 1, SERVER);
        assertEquals(64L * 20, mixed.stream().mapToLong(t -> ((MixedTask) t).steps()).sum());
        assertTrue(mixed.stream().allMatch(t -> ((MixedTask) t).cpuUnitsPerStep() == 10), "each step the same CPU work");
        // Same spread, same seed: the sizes line up across workloads, task for task.
        long[] expected = spread.sizes(64, 700, 5);
        assertArrayEquals(expected, cpu.stream().mapToLong(t -> ((CpuTask) t).units()).toArray());
    }

    @Test
    void badInputsAreRejectedWithTheirMeaning() {
        assertThrows(IllegalArgumentException.class, () -> SizeSpread.PARETO.factors(0, 1));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SizeSpread.parse("lognormal"));
        assertTrue(unknown.getMessage().contains("unknown spread 'lognormal'"), unknown.getMessage());
        assertEquals(SizeSpread.PARETO, SizeSpread.parse(" pareto "));
    }
}
