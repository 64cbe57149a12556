package org.concurrencybench.sweep.machine;

import static org.concurrencybench.sweep.machine.FixtureTopologyTest.order;
import static org.concurrencybench.sweep.machine.FixtureTopologyTest.plan;
import static org.concurrencybench.sweep.machine.FixtureTopologyTest.range;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.CpuLayout;
import org.junit.jupiter.api.Test;

/**
 * Performance classes from every source Linux gives, on the fixtures of current hybrid laptops and
 * a three-tier ARM SoC (src/test/resources/sysfs, README.md there says what each follows): Intel's
 * low-power E-cores outside the L3, Lunar Lake's island without SMT, AMD's two core kinds told
 * apart only by {@code highest_perf} and their L3, and ARM's three {@code cpu_capacity} tiers.
 * Core count by core count, as {@link FixtureTopologyTest} does for the older four.
 */
class HybridFixtureTopologyTest {

    @Test
    void meteorLakeTakesItsComputeTileEcoresBeforeTheLowPowerOnesWithoutAnL3() {
        PinningOrder order = order("core-ultra-155h");
        assertEquals(List.of(0, 2, 4, 6, 8, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 1, 3, 5, 7, 9, 11),
                order.cpus().stream().map(LogicalCpu::cpu).toList());
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(1, "1: 0");
        expected.put(2, "2: 0,2");
        expected.put(4, "4: 0,2,4,6");
        expected.put(6, "6 (P-cores): 0,2,4,6,8,10");
        expected.put(8, "8 (+2 E): 0,2,4,6,8,10,12,13");
        expected.put(14, "14 (+8 E): 0,2,4,6,8,10," + range(12, 19, 1));
        expected.put(16, "16 (+8 E, +2 LP-E): 0,2,4,6,8,10," + range(12, 21, 1));
        expected.put(22, "22 (+8 E, +2 LP-E, +6 hyperthreads): " + range(0, 21, 1));
        assertEquals(expected, plan("core-ultra-155h", 22));
        HardwareBoundaries boundaries = HardwareBoundaries.of(order);
        assertEquals(List.of(new CpuLayout.Boundary(6, "the P-cores", "the E-cores join"),
                new CpuLayout.Boundary(14, "the P- and E-cores", "the LP-E-cores join"),
                new CpuLayout.Boundary(16, "the P-, E- and LP-E-cores", "hyperthreads join")),
                boundaries.boundaries());
        assertEquals("16 (+8 E, +2 LP-E)", boundaries.axis(16));
        assertEquals("22 (+8 E, +2 LP-E, +6 HT)", boundaries.axis(22));
        // A CPU without an L3 says so in the plan, never "?".
        assertEquals("0, none (20-21)", HardwareBoundaries.l3Groups(order.first(16)));
        assertEquals("LP-E", order.cpus().get(15).coreType());
    }

    @Test
    void lunarLakeHasNoHyperthreadsAndItsLowPowerIslandLast() {
        PinningOrder order = order("core-ultra-258v");
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(1, "1: 0");
        expected.put(2, "2: 0,1");
        expected.put(4, "4 (P-cores): 0,1,2,3");
        expected.put(8, "8 (+4 LP-E): " + range(0, 7, 1));
        assertEquals(expected, plan("core-ultra-258v", 8));
        assertEquals(List.of(new CpuLayout.Boundary(4, "the P-cores", "the LP-E-cores join")),
                HardwareBoundaries.of(order).boundaries());
    }

    @Test
    void strixPointTellsZen5FromZen5cByHighestPerfThoughEachCoreRanksApart() {
        PinningOrder order = order("ryzen-ai-9-hx370");
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(1, "1: 0");
        expected.put(2, "2: 0,1");
        expected.put(4, "4 (P-cores): 0,1,2,3");
        expected.put(8, "8 (+4 E, 2 L3 groups): " + range(0, 7, 1));
        expected.put(12, "12 (+8 E, 2 L3 groups): " + range(0, 11, 1));
        expected.put(16, "16 (+8 E, 2 L3 groups, +4 hyperthreads): " + range(0, 15, 1));
        expected.put(24, "24 (+8 E, 2 L3 groups, +12 hyperthreads): " + range(0, 23, 1));
        assertEquals(expected, plan("ryzen-ai-9-hx370", 24));
        assertEquals(List.of(new CpuLayout.Boundary(4, "the P-cores", "the E-cores join"),
                new CpuLayout.Boundary(12, "the P- and E-cores", "hyperthreads join")),
                HardwareBoundaries.of(order).boundaries());
        // The Zen 5 cores' hyperthreads come before the Zen 5c cores'.
        assertEquals(List.of(12, 13, 14, 15, 16), order.cpus().subList(12, 17).stream().map(LogicalCpu::cpu).toList());
    }

    @Test
    void armWithThreeCapacityTiersTakesThePrimeCoreThenTheMiddleThenTheLittle() {
        PinningOrder order = order("arm-1-3-4");
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(1, "1 (P-cores): 7");
        expected.put(2, "2 (+1 M): 4,7");
        expected.put(4, "4 (+3 M): 4,5,6,7");
        expected.put(8, "8 (+3 M, +4 E): " + range(0, 7, 1));
        assertEquals(expected, plan("arm-1-3-4", 8));
        assertEquals(List.of(new CpuLayout.Boundary(1, "the P-cores", "the M-cores join"),
                new CpuLayout.Boundary(4, "the P- and M-cores", "the E-cores join")),
                HardwareBoundaries.of(order).boundaries());
        assertEquals("1 (P)", HardwareBoundaries.of(order).axis(1));
    }
}
