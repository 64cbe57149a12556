package org.concurrencybench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.concurrencybench.sweep.machine.CpuLimits;
import org.concurrencybench.sweep.machine.CpuTopology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * The sweep's default core counts on the fixture machines (src/test/resources/sysfs): the powers
 * of two, the CPUs, and the counts where the hardware changes; and under {@code --budget}, every
 * power of two is given up before a boundary is.
 */
class BoundaryCoreCountsTest {

    private static SweepSettings resolve(String fixture, String... args) {
        CpuTopology topology = CpuTopology.readTree(Path.of("src/test/resources/sysfs", fixture));
        SweepCommand command = new SweepCommand();
        List<String> all = new ArrayList<>(List.of("--no-python", "--label", "t"));
        all.addAll(List.of(args));
        new CommandLine(command).parseArgs(all.toArray(String[]::new));
        return SweepSettings.resolve(command.request(), topology, new CpuLimits(null, topology.logicalCpus(), null, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "i7-1260p; 1,2,4,8,12,16; 4,12",
        "xeon-2s; 1,2,4,8,16,32,64; 16,32",
        "epyc-7763; 1,2,4,8,16,32,64,128; 8,64",
        "vm-2vcpu; 1,2; ''",
        "core-ultra-155h; 1,2,4,6,8,14,16,22; 6,14,16",
        "core-ultra-258v; 1,2,4,8; 4",
        "ryzen-ai-9-hx370; 1,2,4,8,12,16,24; 4,12",
        "arm-1-3-4; 1,2,4,8; 1,4"})
    void defaultCountsAddTheBoundariesAndABudgetGivesUpPowersOfTwoFirst(String fixture, String counts, String boundaries) {
        List<Integer> expected = List.of(counts.split(",")).stream().map(Integer::valueOf).toList();
        assertEquals(expected, resolve(fixture, "--quick").plan().cores());

        Set<String> boundary = boundaries.isEmpty() ? Set.of() : Set.of(boundaries.split(","));
        SweepSettings tight = resolve(fixture, "--quick", "--models", "SEQUENTIAL,FIXED_POOL", "--workloads", "CPU",
                "--budget", "20s");
        List<String> dropped = tight.plan().budget().gaveUp().stream().filter(g -> g.startsWith("core count "))
                .map(g -> g.substring("core count ".length())).toList();
        if (!fixture.equals("vm-2vcpu")) {
            assertFalse(dropped.isEmpty(), "20 s is too short for every count: " + tight.plan().budget().gaveUp());
        }
        boolean boundarySeen = false;
        for (String count : dropped) {
            boolean isBoundary = boundary.contains(count);
            assertTrue(isBoundary || !boundarySeen || count.equals(counts.split(",")[0]),
                    "a power of two given up after a boundary: " + dropped);
            boundarySeen |= isBoundary;
        }
    }

    @ParameterizedTest
    @CsvSource({"epyc-7763", "vm-2vcpu", "i7-1260p", "core-ultra-155h"})
    void theDefaultPlanGivesUpOnlyPowersOfTwoToFitAnHour(String fixture) {
        // With CPython beside where this machine has it, as a user's --dry-run would plan.
        CpuTopology topology = CpuTopology.readTree(Path.of("src/test/resources/sysfs", fixture));
        SweepCommand command = new SweepCommand();
        new CommandLine(command).parseArgs("--label", "t");
        SweepSettings settings = SweepSettings.resolve(command.request(), topology,
                new CpuLimits(null, topology.logicalCpus(), null, null));
        List<Integer> defaults = topology.defaultCounts(topology.logicalCpus());
        assertTrue(settings.plan().cores().containsAll(topology.boundaryCounts(topology.logicalCpus())), settings.plan().cores().toString());
        assertEquals(defaults.get(0), settings.plan().cores().get(0));
        assertEquals(defaults.get(defaults.size() - 1), settings.plan().cores().get(settings.plan().cores().size() - 1));
        assertEquals(defaults.stream().filter(n -> !settings.plan().cores().contains(n)).toList(), settings.plan().coresGivenUp());
        if (fixture.equals("vm-2vcpu")) {
            assertEquals(defaults, settings.plan().cores(), "under an hour already: unchanged");
        }
        if (fixture.equals("i7-1260p")) {
            // Just over an hour with the default profile's 2 x 0.5 s warm-up: 8 (an interior power of two, not a
            // boundary) goes; 4 (the P-cores), 12 (P and E) and 16 (all CPUs) stay.
            assertEquals(List.of(1, 2, 4, 12, 16), settings.plan().cores());
        }
        // --cores is taken as given, however long.
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64, 128),
                resolve("epyc-7763", "--cores", "1,2,4,8,16,32,64,128").plan().cores());
    }
}
