package org.concurrencybench.sweep.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which CPUs a sweep pins each core count to: one CPU per physical core first, and only then the
 * SMT siblings (hyperthreads) of cores already used.
 *
 * <p>Why: pinning to {@code 0..N-1} can put two threads on one core's hyperthreads, which share
 * its execution units, and so halve a laptop's apparent scaling. Read from Linux's
 * {@code /sys/devices/system/cpu/cpuK/topology/} ({@code physical_package_id}, {@code core_id}),
 * over the CPUs this process may run on. Where the topology cannot be read, every CPU counts as
 * its own core.
 */
public final class CpuTopology {

    /** Where Linux describes its CPUs. */
    public static final Path LINUX_SYSFS = Path.of("/sys/devices/system/cpu");

    private final List<Integer> pinningOrder;
    private final int physicalCores;

    private CpuTopology(List<Integer> pinningOrder, int physicalCores) {
        this.pinningOrder = List.copyOf(pinningOrder);
        this.physicalCores = physicalCores;
    }

    /**
     * Reads the topology of {@code allowedCpus} under {@code sysfsCpuDir}.
     *
     * @param sysfsCpuDir a directory shaped like {@link #LINUX_SYSFS}
     * @param allowedCpus the CPUs this process may use, in any order
     */
    public static CpuTopology read(Path sysfsCpuDir, SortedSet<Integer> allowedCpus) {
        return of(allowedCpus, cpu -> {
            Path topology = sysfsCpuDir.resolve("cpu" + cpu).resolve("topology");
            return readOr(topology.resolve("physical_package_id"), "cpu" + cpu) + "/"
                    + readOr(topology.resolve("core_id"), "cpu" + cpu);
        });
    }

    /** The topology of {@code allowedCpus}, given which physical core (any key) each CPU belongs to. */
    static CpuTopology of(SortedSet<Integer> allowedCpus, java.util.function.IntFunction<String> coreOf) {
        Set<String> seenCores = new LinkedHashSet<>();
        List<Integer> firstOfCore = new ArrayList<>();
        List<Integer> siblings = new ArrayList<>();
        for (int cpu : allowedCpus) {
            if (seenCores.add(coreOf.apply(cpu))) {
                firstOfCore.add(cpu);
            } else {
                siblings.add(cpu);
            }
        }
        List<Integer> order = new ArrayList<>(firstOfCore);
        order.addAll(siblings);
        return new CpuTopology(order, firstOfCore.size());
    }

    /** This machine's topology, over the CPUs this process may use. */
    public static CpuTopology ofThisMachine() {
        SortedSet<Integer> allowed = allowedCpusOfThisProcess();
        try {
            // OSHI knows each logical processor's package and core on Linux, macOS and Windows.
            java.util.Map<Integer, String> cores = new java.util.HashMap<>();
            for (var cpu : Oshi.systemInfo().getHardware().getProcessor().getLogicalProcessors()) {
                cores.put(cpu.getProcessorNumber(), cpu.getPhysicalPackageNumber() + "/" + cpu.getPhysicalProcessorNumber());
            }
            if (cores.keySet().containsAll(allowed)) {
                return of(allowed, cores::get);
            }
        } catch (RuntimeException | LinkageError e) {
            // OSHI cannot read this platform: fall back to Linux's files
        }
        return read(LINUX_SYSFS, allowed);
    }

    /**
     * How a core count reads in tables and charts: the count alone while it fits on separate
     * physical cores; past them "6 (logical CPUs, up to 2 per core)", so that no one reads a
     * hyperthread step as more cores.
     */
    public static String label(int cores, int physicalCores) {
        return org.concurrencybench.results.CoreCountLabel.of(cores, physicalCores);
    }

    /** The CPUs this process may run on: Linux's {@code Cpus_allowed_list}, else 0 to cores - 1. */
    static SortedSet<Integer> allowedCpusOfThisProcess() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return parseCpuList(line.substring(line.indexOf(':') + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no procfs: fall through
        }
        SortedSet<Integer> all = new TreeSet<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            all.add(i);
        }
        return all;
    }

    /** Parses a Linux CPU list such as {@code 0-3,8,10-11}. */
    public static SortedSet<Integer> parseCpuList(String list) {
        SortedSet<Integer> cpus = new TreeSet<>();
        for (String part : list.trim().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.trim().split("-");
            int from = Integer.parseInt(range[0].trim());
            int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
            for (int c = from; c <= to; c++) {
                cpus.add(c);
            }
        }
        return cpus;
    }

    private static String readOr(Path file, String fallback) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return fallback;
        }
    }

    /** CPUs this process may use. */
    public int logicalCpus() {
        return pinningOrder.size();
    }

    /** Physical cores among them. */
    public int physicalCores() {
        return physicalCores;
    }

    /** The CPUs to pin {@code n} cores to, as a {@code taskset -c} list: physical cores first. */
    public String cpusFor(int n) {
        if (n < 1 || n > pinningOrder.size()) {
            throw new IllegalArgumentException("cannot pin to " + n + " CPUs: this machine lets the suite use "
                    + pinningOrder.size());
        }
        return pinningOrder.subList(0, n).stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
