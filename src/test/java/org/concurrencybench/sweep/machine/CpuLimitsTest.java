package org.concurrencybench.sweep.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CPUs the suite may use, from fixture copies of {@code /proc/self/status},
 * {@code /proc/self/cgroup} and a cgroup v2 tree: the allowed set, {@code cpu.max} with a whole,
 * a fractional and no ({@code max}) quota, and the smallest quota on the path winning.
 */
class CpuLimitsTest {

    @TempDir
    Path dir;

    private Path status(String allowed) throws IOException {
        // The lines around it as Linux writes them, so the parser must pick the right one.
        return Files.writeString(dir.resolve("status"), "Name:\tjava\nCpus_allowed:\tff\nCpus_allowed_list:\t" + allowed
                + "\nMems_allowed_list:\t0\n");
    }

    private Path cgroup(String text) throws IOException {
        return Files.writeString(dir.resolve("cgroup"), text);
    }

    private void cpuMax(String group, String text) throws IOException {
        Path folder = dir.resolve("fs").resolve(group);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("cpu.max"), text + "\n");
    }

    @Test
    void cpuMaxReadsQuotaOverPeriodAndMaxAsNoQuota() {
        assertEquals(2.0, CpuLimits.parseCpuMax("200000 100000"));
        assertEquals(1.5, CpuLimits.parseCpuMax("150000 100000\n"));
        assertEquals(0.5, CpuLimits.parseCpuMax("50000 100000"));
        assertNull(CpuLimits.parseCpuMax("max 100000"));
        assertNull(CpuLimits.parseCpuMax("max"));
        assertNull(CpuLimits.parseCpuMax(""));
        assertNull(CpuLimits.parseCpuMax("lots 100000"));
    }

    @Test
    void allowedSetAloneLimitsTheCores() throws IOException {
        cpuMax("", "max 100000");
        CpuLimits limits = CpuLimits.read(status("0,2-3"), cgroup("0::/\n"), dir.resolve("fs"));
        assertEquals("0,2-3", limits.allowedCpus());
        assertEquals(3, limits.allowedCount());
        assertNull(limits.quotaCpus());
        assertEquals(3, limits.usableCores());
        assertEquals("CPUs: planning at most 3 cores: this process may run on CPUs 0,2-3 only (3 of 8: taskset or a"
                + " container's cpuset)", limits.limitLine(8));
        assertNull(limits.limitLine(3), "nothing to say when every CPU is usable");
    }

    @Test
    void fractionalQuotaRoundsDownAndTheSmallestOnThePathWins() throws IOException {
        cpuMax("", "max 100000");
        cpuMax("kubepods", "400000 100000");
        cpuMax("kubepods/pod1", "150000 100000");
        cpuMax("kubepods/pod1/app", "max 100000");
        CpuLimits limits = CpuLimits.read(status("0-7"), cgroup("12:cpu:/ignored-v1\n0::/kubepods/pod1/app\n"),
                dir.resolve("fs"));
        assertEquals(1.5, limits.quotaCpus());
        assertTrue(limits.quotaFile().endsWith("pod1/cpu.max"), limits.quotaFile());
        assertEquals(1, limits.usableCores());
        assertTrue(limits.limitLine(8).startsWith("CPUs: planning at most 1 core: its cgroup allows 1.50 CPUs of time"),
                limits.limitLine(8));
    }

    @Test
    void aWholeQuotaUnderTheAllowedSetAndASubCpuQuota() throws IOException {
        cpuMax("", "200000 100000");
        assertEquals(2, CpuLimits.read(status("0-15"), cgroup("0::/\n"), dir.resolve("fs")).usableCores());
        cpuMax("", "50000 100000");
        assertEquals(1, CpuLimits.read(status("0-15"), cgroup("0::/\n"), dir.resolve("fs")).usableCores(),
                "half a CPU still measures one core");
    }

    @Test
    void noCgroupV2MeansNoQuota() throws IOException {
        CpuLimits limits = CpuLimits.read(status("0-1"), cgroup("4:memory:/x\n1:cpu:/\n"), dir.resolve("fs"));
        assertNull(limits.quotaCpus());
        assertEquals(2, limits.usableCores());
        CpuLimits missing = CpuLimits.read(dir.resolve("none"), dir.resolve("none"), dir.resolve("fs"));
        assertNull(missing.quotaCpus());
        assertNull(missing.allowedCpus());
    }

    @Test
    void hyperthreadStepsAreLabelledAsLogicalCpus() throws IOException {
        // Fixture topology: two cores, each with two hyperthreads (cpu0/cpu2 on core 0, cpu1/cpu3 on core 1).
        Path sysfs = dir.resolve("cpu");
        int[] coreOf = {0, 1, 0, 1};
        for (int cpu = 0; cpu < 4; cpu++) {
            Path topology = Files.createDirectories(sysfs.resolve("cpu" + cpu).resolve("topology"));
            Files.writeString(topology.resolve("physical_package_id"), "0\n");
            Files.writeString(topology.resolve("core_id"), coreOf[cpu] + "\n");
        }
        CpuTopology topology = CpuTopology.read(sysfs, CpuTopology.parseCpuList("0-3"));
        assertEquals(2, topology.physicalCores());
        assertEquals("0,1", topology.cpusFor(2));
        assertEquals("1", CpuTopology.label(1, topology.physicalCores()));
        assertEquals("2", CpuTopology.label(2, topology.physicalCores()));
        assertEquals("3 (logical CPUs, up to 2 per core)", CpuTopology.label(3, topology.physicalCores()));
        assertEquals("4 (logical CPUs, 2 per core)", CpuTopology.label(4, topology.physicalCores()));
    }
}
