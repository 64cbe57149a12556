package org.concurrencybench.sweep.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.concurrencybench.results.CpuLayout;

/**
 * Which CPUs a sweep pins each core count to, and how each count reads: the machine's CPUs in
 * the {@link PinningOrder} that follows the hardware (P-cores before E-cores, one L3 group, NUMA
 * node and socket before the next, hyperthreads last) and the {@link HardwareBoundaries} along
 * it, over the CPUs this process may run on.
 *
 * <p>Why one entry point: the sweep asks one object for a count's CPUs, its label and the default
 * counts, whether the facts came from Linux's {@code /sys}, a fixture tree named by
 * {@code CONCURRENCYBENCH_SYSFS} (a dry run of another machine's plan), or OSHI where there is no
 * sysfs (macOS, which cannot pin; its {@code hw.perflevel} counts still name P- and E-cores).
 * Where the topology cannot be read, every CPU counts as its own core, in number order.
 */
public final class CpuTopology {

    /** Where Linux describes its CPUs. */
    public static final Path LINUX_SYSFS = Path.of("/sys/devices/system/cpu");

    private final PinningOrder order;
    private final HardwareBoundaries boundaries;
    private final String source;

    private CpuTopology(List<LogicalCpu> cpus, String source) {
        this.order = PinningOrder.of(cpus);
        this.boundaries = HardwareBoundaries.of(order);
        this.source = source;
    }

    /**
     * Reads the topology of {@code allowedCpus} under {@code sysfsCpuDir} (shaped like
     * {@link #LINUX_SYSFS}; the node and core-type files are looked up beside it, as in /sys).
     */
    public static CpuTopology read(Path sysfsCpuDir, SortedSet<Integer> allowedCpus) {
        Path root = sysfsCpuDir.normalize().endsWith(Path.of("devices/system/cpu"))
                ? sysfsCpuDir.normalize().getParent().getParent().getParent() : sysfsCpuDir.resolve("no-sysfs-root");
        return new CpuTopology(SysfsTopology.read(root, sysfsCpuDir, allowedCpus), sysfsCpuDir.toString());
    }

    /** The topology of a whole sysfs tree ({@code /sys} or a copy of its files), over its online CPUs. */
    public static CpuTopology readTree(Path root) {
        SortedSet<Integer> online = SysfsTopology.onlineCpus(root);
        if (online == null) {
            throw new IllegalArgumentException(SysfsTopology.ROOT_VARIABLE + "=" + root + ": no "
                    + SysfsTopology.cpuDir(root).resolve("online") + " (expected a copy of /sys)");
        }
        return new CpuTopology(SysfsTopology.read(root, online), SysfsTopology.ROOT_VARIABLE + "=" + root);
    }

    /**
     * {@code cpus} CPUs of which nothing is known but their numbers, each its own core: what a
     * rehearsal of more cores than this machine has plans on.
     */
    public static CpuTopology numbered(int cpus) {
        List<LogicalCpu> all = new ArrayList<>();
        for (int cpu = 0; cpu < cpus; cpu++) {
            all.add(LogicalCpu.alone(cpu));
        }
        return new CpuTopology(all, cpus + " CPUs by number (a rehearsal)");
    }

    /** A fixture tree named by {@code CONCURRENCYBENCH_SYSFS}, or null where none is. */
    public static Path fixtureRoot() {
        String root = System.getenv(SysfsTopology.ROOT_VARIABLE);
        return root == null || root.isBlank() ? null : Path.of(root);
    }

    /** This machine's topology (or the fixture tree's), over the CPUs this process may use. */
    public static CpuTopology ofThisMachine() {
        Path fixture = fixtureRoot();
        if (fixture != null) {
            return readTree(fixture);
        }
        SortedSet<Integer> allowed = allowedCpusOfThisProcess();
        if (Files.isDirectory(LINUX_SYSFS)) {
            return read(LINUX_SYSFS, allowed);
        }
        try {
            // No sysfs (macOS, Windows): OSHI knows each logical processor's package and core.
            List<LogicalCpu> cpus = new ArrayList<>();
            for (var cpu : Oshi.systemInfo().getHardware().getProcessor().getLogicalProcessors()) {
                cpus.add(new LogicalCpu(cpu.getProcessorNumber(), null, 0, cpu.getPhysicalPackageNumber(), -1, -1,
                        cpu.getPhysicalPackageNumber() + "/" + cpu.getPhysicalProcessorNumber()));
            }
            if (!cpus.isEmpty()) {
                return new CpuTopology(PerfLevels.typed(cpus), "OSHI");
            }
        } catch (RuntimeException | LinkageError e) {
            // OSHI cannot read this platform either: every CPU its own core
        }
        return new CpuTopology(allowed.stream().map(LogicalCpu::alone).toList(), "CPU numbers only");
    }

    /**
     * How a core count reads where only the physical cores are known (runs from before the layout):
     * the count alone, or past the physical cores "6 (logical CPUs, up to 2 per core)".
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
        return SysfsTopology.parseCpuList(list);
    }

    /** Where the facts came from: a sysfs folder, the fixture variable, OSHI. */
    public String source() {
        return source;
    }

    /** CPUs this process may use. */
    public int logicalCpus() {
        return order.logicalCpus();
    }

    /** Physical cores among them. */
    public int physicalCores() {
        return order.physicalCores();
    }

    /** The CPUs to pin {@code n} cores to, as a {@code taskset -c} list, in the hardware's order. */
    public String cpusFor(int n) {
        return order.cpusFor(n);
    }

    /** The default core counts within {@code usable} CPUs: powers of two, the usable CPUs, the boundaries. */
    public List<Integer> defaultCounts(int usable) {
        return boundaries.defaultCounts(usable);
    }

    /** The core counts where the hardware changes, up to {@code usable}. */
    public SortedSet<Integer> boundaryCounts(int usable) {
        return boundaries.boundaryCounts(usable);
    }

    /** "12 (+8 E)", "32 (2 sockets)", "2". */
    public String label(int n) {
        return boundaries.label(n);
    }

    /** What {@code machine.json} records of these core counts. */
    public CpuLayout layout(List<Integer> counts) {
        return boundaries.layout(counts);
    }

    /** One line of the plan per core count: label, CPUs, sockets, nodes, L3 groups. */
    public String planLine(int n) {
        return boundaries.planLine(n);
    }
}
