package org.concurrencybench.sweep.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.concurrencybench.results.CpuLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pinning order, the boundaries, the labels and the default core counts on the sysfs trees of
 * real machines (src/test/resources/sysfs, written by make-fixtures.py from their documented
 * topologies; vm-2vcpu copied from the development VM), core count by core count.
 */
class FixtureTopologyTest {

    static Path fixture(String name) {
        return Path.of("src/test/resources/sysfs", name);
    }

    static PinningOrder order(String name) {
        Path root = fixture(name);
        return PinningOrder.of(SysfsTopology.read(root, SysfsTopology.onlineCpus(root)));
    }

    /** Each default count of the fixture, as "label: CPUs". */
    static Map<Integer, String> plan(String name, int usable) {
        PinningOrder order = order(name);
        HardwareBoundaries boundaries = HardwareBoundaries.of(order);
        Map<Integer, String> plan = new LinkedHashMap<>();
        for (int n : boundaries.defaultCounts(usable)) {
            plan.put(n, boundaries.label(n) + ": " + order.cpusFor(n));
        }
        return plan;
    }

    static String range(int from, int to, int step) {
        StringBuilder cpus = new StringBuilder();
        for (int cpu = from; cpu <= to; cpu += step) {
            cpus.append(cpus.isEmpty() ? "" : ",").append(cpu);
        }
        return cpus.toString();
    }

    @Test
    void laptopFillsItsPCoresThenItsECoresThenTheHyperthreads() {
        PinningOrder order = order("i7-1260p");
        assertEquals(List.of(0, 2, 4, 6, 8, 9, 10, 11, 12, 13, 14, 15, 1, 3, 5, 7),
                order.cpus().stream().map(LogicalCpu::cpu).toList());
        assertEquals(12, order.physicalCores());
        assertTrue(order.hybrid());
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(1, "1: 0");
        expected.put(2, "2: 0,2");
        expected.put(4, "4 (P-cores): 0,2,4,6");
        expected.put(8, "8 (+4 E): 0,2,4,6,8,9,10,11");
        expected.put(12, "12 (+8 E): 0,2,4,6,8,9,10,11,12,13,14,15");
        expected.put(16, "16 (+8 E, +4 hyperthreads): " + range(0, 15, 1));
        assertEquals(expected, plan("i7-1260p", 16));
        HardwareBoundaries boundaries = HardwareBoundaries.of(order);
        assertEquals(List.of(new CpuLayout.Boundary(4, "the P-cores", "the E-cores join"),
                new CpuLayout.Boundary(12, "the P- and E-cores", "hyperthreads join")), boundaries.boundaries());
        assertEquals("4 (P)", boundaries.axis(4));
        assertEquals("16 (+8 E, +4 HT)", boundaries.axis(16));
    }

    @Test
    void twoSocketServerFillsOneSocketFirstThoughItsNumberingAlternates() {
        PinningOrder order = order("xeon-2s");
        assertEquals(32, order.physicalCores());
        assertFalse(order.hybrid());
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(1, "1: 0");
        expected.put(2, "2: 0,2");
        expected.put(4, "4: 0,2,4,6");
        expected.put(8, "8: " + range(0, 14, 2));
        expected.put(16, "16 (one socket): " + range(0, 30, 2));
        expected.put(32, "32 (2 sockets): " + range(0, 31, 1));
        expected.put(64, "64 (2 sockets, +32 hyperthreads): " + range(0, 63, 1));
        assertEquals(expected, plan("xeon-2s", 64));
        // Hyperthreads come socket by socket too: the 33rd CPU is socket 0's first sibling.
        assertEquals(32, order.cpus().get(32).cpu());
        assertEquals(0, order.cpus().get(32).socket());
        assertEquals(List.of(new CpuLayout.Boundary(16, "one socket", "a second socket joins"),
                new CpuLayout.Boundary(32, "the physical cores", "hyperthreads join")),
                HardwareBoundaries.of(order).boundaries());
    }

    @Test
    void epycFillsOneL3GroupOfEightCoresBeforeTheNext() {
        PinningOrder order = order("epyc-7763");
        assertEquals(64, order.physicalCores());
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(1, "1: 0");
        expected.put(2, "2: 0,1");
        expected.put(4, "4: 0,1,2,3");
        expected.put(8, "8 (one L3 group): " + range(0, 7, 1));
        expected.put(16, "16 (2 L3 groups): " + range(0, 15, 1));
        expected.put(32, "32 (4 L3 groups): " + range(0, 31, 1));
        expected.put(64, "64 (8 L3 groups): " + range(0, 63, 1));
        expected.put(128, "128 (8 L3 groups, +64 hyperthreads): " + range(0, 127, 1));
        assertEquals(expected, plan("epyc-7763", 128));
        assertEquals("72 (8 L3 groups, +8 hyperthreads)", HardwareBoundaries.of(order).label(72));
        assertEquals("16 (2 L3)", HardwareBoundaries.of(order).axis(16));
    }

    @Test
    void theTwoVcpuVmIsOneCoreThenTwo() {
        PinningOrder order = order("vm-2vcpu");
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(1, "1: 0");
        expected.put(2, "2: 0,1");
        assertEquals(expected, plan("vm-2vcpu", 2));
        assertEquals(List.of(), HardwareBoundaries.of(order).boundaries());
    }

    @Test
    void aQuotaOrSmallerAllowedSetKeepsOnlyTheBoundariesUnderIt() {
        assertEquals(List.of(1, 2, 4, 6), HardwareBoundaries.of(order("i7-1260p")).defaultCounts(6));
        assertEquals(List.of(1, 2, 4, 8, 16, 20), HardwareBoundaries.of(order("xeon-2s")).defaultCounts(20));
        assertEquals(List.of(1, 2, 4, 8, 10), HardwareBoundaries.of(order("epyc-7763")).defaultCounts(10));
    }

    @Test
    void theLayoutRecordsEveryCpuWithItsTypeCacheGroupNodeAndSocket() {
        PinningOrder order = order("xeon-2s");
        CpuLayout layout = HardwareBoundaries.of(order).layout(List.of(1, 33));
        CpuLayout.CoreCount count = layout.coreCounts().get("33");
        assertEquals("33 (2 sockets, +1 hyperthreads)", count.label());
        assertEquals(new CpuLayout.Cpu(1, null, 1, 1, 1, false), count.cpus().get(16));
        assertEquals(new CpuLayout.Cpu(32, null, 0, 0, 0, true), count.cpus().get(32));
        CpuLayout laptop = HardwareBoundaries.of(order("i7-1260p")).layout(List.of(5));
        assertEquals(List.of("P", "P", "P", "P", "E"), laptop.coreCounts().get("5").cpus().stream()
                .map(CpuLayout.Cpu::coreType).collect(Collectors.toList()));
    }

    @TempDir
    Path tree;

    @Test
    void bigLittleTypesComeFromCpuCapacityAndMissingFilesFallBackToCpuOrder() throws IOException {
        int[] capacity = {446, 446, 446, 446, 1024, 1024, 871, 871}; // ARM: 4 little, 2 big, 2 middle
        for (int cpu = 0; cpu < capacity.length; cpu++) {
            Path dir = Files.createDirectories(tree.resolve("devices/system/cpu/cpu" + cpu));
            Files.writeString(dir.resolve("cpu_capacity"), capacity[cpu] + "\n");
        }
        Files.writeString(tree.resolve("devices/system/cpu/online"), "0-7\n");
        PinningOrder order = PinningOrder.of(SysfsTopology.read(tree, SysfsTopology.onlineCpus(tree)));
        assertEquals(List.of(4, 5, 6, 7, 0, 1, 2, 3), order.cpus().stream().map(LogicalCpu::cpu).toList());
        HardwareBoundaries boundaries = HardwareBoundaries.of(order);
        assertEquals("2 (P-cores)", boundaries.label(2));
        assertEquals("4 (+2 M)", boundaries.label(4)); // three capacities: three tiers, P, M and E
        assertEquals("8 (+2 M, +4 E)", boundaries.label(8));
        assertEquals(List.of(1, 2, 4, 8), boundaries.defaultCounts(8));

        PinningOrder bare = PinningOrder.of(SysfsTopology.read(tree.resolve("absent"), SysfsTopology.parseCpuList("0-3")));
        assertEquals("0,1,2", bare.cpusFor(3));
        assertEquals("3", HardwareBoundaries.of(bare).label(3));
    }
}
