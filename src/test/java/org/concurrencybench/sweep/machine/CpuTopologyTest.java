package org.concurrencybench.sweep.machine;

import org.concurrencybench.sweep.SweepSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinning picks one CPU per physical core before any hyperthread sibling. */
class CpuTopologyTest {

    @TempDir
    Path sysfs;

    /** A laptop shape: 4 cores, 2 threads each, Linux numbering siblings as cpu N and N+4. */
    private void laptop() throws IOException {
        for (int cpu = 0; cpu < 8; cpu++) {
            Path topology = Files.createDirectories(sysfs.resolve("cpu" + cpu).resolve("topology"));
            Files.writeString(topology.resolve("physical_package_id"), "0\n");
            Files.writeString(topology.resolve("core_id"), (cpu % 4) + "\n");
        }
    }

    @Test
    void physicalCoresComeBeforeTheirSiblings() throws IOException {
        laptop();
        CpuTopology topology = CpuTopology.read(sysfs, CpuTopology.parseCpuList("0-7"));
        assertEquals(4, topology.physicalCores());
        assertEquals(8, topology.logicalCpus());
        assertEquals("0,1", topology.cpusFor(2));
        assertEquals("0,1,2,3", topology.cpusFor(4));
        assertEquals("0,1,2,3,4", topology.cpusFor(5));
        assertEquals("0,1,2,3,4,5,6,7", topology.cpusFor(8));
    }

    @Test
    void siblingsNumberedNextToEachOtherAreSkippedFirst() throws IOException {
        for (int cpu = 0; cpu < 4; cpu++) {
            Path topology = Files.createDirectories(sysfs.resolve("cpu" + cpu).resolve("topology"));
            Files.writeString(topology.resolve("physical_package_id"), "0");
            Files.writeString(topology.resolve("core_id"), String.valueOf(cpu / 2));
        }
        CpuTopology topology = CpuTopology.read(sysfs, CpuTopology.parseCpuList("0-3"));
        assertEquals("0,2", topology.cpusFor(2));
        assertEquals("0,1,2", topology.cpusFor(3));
    }

    @Test
    void onlyAllowedCpusAreUsedAndMissingTopologyCountsEachCpuAsACore() {
        CpuTopology topology = CpuTopology.read(sysfs.resolve("absent"), new TreeSet<>(List.of(2, 3, 5)));
        assertEquals(3, topology.physicalCores());
        assertEquals("2,3", topology.cpusFor(2));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> topology.cpusFor(4));
        assertEquals("cannot pin to 4 CPUs: this machine lets the suite use 3", tooMany.getMessage());
    }

    @Test
    void parsesLinuxCpuLists() {
        assertEquals(new TreeSet<>(List.of(0, 1, 2, 3, 8, 10, 11)), CpuTopology.parseCpuList(" 0-3,8,10-11\n"));
    }

    @Test
    void defaultCoreCountsArePowersOfTwoAndTheMachinesCpus() {
        assertEquals(List.of(1, 2), SweepSettings.defaultCores(2));
        assertEquals(List.of(1, 2, 4, 6), SweepSettings.defaultCores(6));
        assertEquals(List.of(1, 2, 4, 8, 16), SweepSettings.defaultCores(16));
    }
}
