package org.concurrencybench.sweep.machine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.concurrencybench.results.MachineInfo;
import oshi.hardware.CentralProcessor;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The state of the machine around a sweep, as pyperf's {@code system show} checks it before a
 * benchmark: the CPU frequency governor, turbo/boost, the load average and the busiest other
 * processes, thermal throttling counters, and the CPU frequencies. Laptops and servers differ
 * most here (a laptop on {@code powersave}, a server shared with a build), and a comparison that
 * ignores it misleads; so the sweep records it before and after in the run's machine file and warns
 * at the start when it would distort the run.
 *
 * <p>What OSHI knows on Linux, macOS and Windows (the load average, processes and their CPU use,
 * frequencies, the CPU model and its cores) comes from OSHI; the governor, boost and throttle
 * counters are Linux's cpufreq and thermal_throttle files, which OSHI does not read, and are
 * "unknown" elsewhere.
 */
public final class MachineState {

    /** Warn when the 1-minute load average is over this per usable core. */
    static final double LOAD_PER_CORE_WARNING = 0.5;
    /**
     * How long to watch processes to tell which are busy now: a second, as top's default refresh,
     * long enough that a process's clock ticks (usually 100 a second) resolve a few percent.
     */
    private static final long PROCESS_WATCH_MILLIS = 1000;
    private static final int BUSIEST = 5;

    private MachineState() {
    }

    /** The machine's state now; never fails (what cannot be read is "unknown" or null). */
    public static MachineInfo.State now() {
        Map<String, String> cpufreq = readCpufreq(CpuTopology.LINUX_SYSFS);
        List<Double> load = List.of();
        Double loadPerCpu = null;
        OtherWork others = new OtherWork(null, List.of());
        Long maxMhz = null;
        Long currentMhz = null;
        try {
            CentralProcessor cpu = Oshi.systemInfo().getHardware().getProcessor();
            double[] averages = cpu.getSystemLoadAverage(3);
            if (averages[0] >= 0) {
                load = List.of(round(averages[0]), round(averages[1]), round(averages[2]));
                int cpus = cpu.getLogicalProcessorCount();
                loadPerCpu = cpus > 0 ? round(averages[0] / cpus) : null;
            }
            maxMhz = cpu.getMaxFreq() > 0 ? cpu.getMaxFreq() / 1_000_000 : null;
            long[] current = cpu.getCurrentFreq();
            long highest = current == null ? 0 : java.util.Arrays.stream(current).max().orElse(0);
            currentMhz = highest > 0 ? highest / 1_000_000 : null;
            others = otherWork(Oshi.systemInfo().getOperatingSystem());
        } catch (RuntimeException | LinkageError e) {
            // OSHI cannot read this platform: keep what the files gave
        }
        List<String> busiest = others.busiest().stream().map(p -> String.format(Locale.ROOT, "%s (%d): %.0f%% CPU",
                p.name(), p.pid(), 100 * p.cpu())).toList();
        return new MachineInfo.State(Instant.now().toString(), cpufreq.get("governor"), cpufreq.get("boost"), load,
                busiest, parseLongOrNull(cpufreq.get("throttle")), maxMhz, currentMhz, loadPerCpu, others.cpus(),
                others.busiest());
    }

    /** What every process but this JVM and its children used over the sample: in all (CPUs), and the busiest. */
    private record OtherWork(Double cpus, List<MachineInfo.ProcessUse> busiest) {
    }

    /**
     * The processes other than this JVM and its children, watched for a second: the CPUs they used
     * together, and the busiest (at least 1% of a CPU) with their share of one CPU.
     */
    private static OtherWork otherWork(OperatingSystem os) {
        java.util.Set<Long> suite = new java.util.HashSet<>();
        suite.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(child -> suite.add(child.pid()));
        Map<Integer, OSProcess> before = new HashMap<>();
        for (OSProcess p : os.getProcesses()) {
            before.put(p.getProcessID(), p);
        }
        try {
            Thread.sleep(PROCESS_WATCH_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OtherWork(null, List.of());
        }
        List<MachineInfo.ProcessUse> used = new ArrayList<>();
        for (OSProcess p : os.getProcesses()) {
            OSProcess prior = before.get(p.getProcessID());
            if (!suite.contains((long) p.getProcessID()) && prior != null) {
                used.add(new MachineInfo.ProcessUse(p.getName(), p.getProcessID(),
                        round(p.getProcessCpuLoadBetweenTicks(prior))));
            }
        }
        double total = used.stream().mapToDouble(MachineInfo.ProcessUse::cpu).sum();
        return new OtherWork(round(total), used.stream()
                .sorted(Comparator.comparingDouble(MachineInfo.ProcessUse::cpu).reversed()).limit(BUSIEST)
                .filter(p -> p.cpu() >= 0.01).toList());
    }

    /**
     * Linux's cpufreq and throttle facts under a {@code /sys/devices/system/cpu}-shaped folder:
     * "governor" (cpu0's scaling_governor), "boost" ("on"/"off" from intel_pstate/no_turbo or
     * cpufreq/boost) and "throttle" (the sum of every CPU's core and package throttle counts).
     * A fact the folder does not have is absent.
     */
    static Map<String, String> readCpufreq(Path cpuDir) {
        Map<String, String> facts = new HashMap<>();
        String governor = read(cpuDir.resolve("cpu0/cpufreq/scaling_governor"));
        if (governor != null) {
            facts.put("governor", governor);
        }
        String noTurbo = read(cpuDir.resolve("intel_pstate/no_turbo"));
        String boost = read(cpuDir.resolve("cpufreq/boost"));
        if (noTurbo != null) {
            facts.put("boost", noTurbo.equals("1") ? "off" : "on");
        } else if (boost != null) {
            facts.put("boost", boost.equals("1") ? "on" : "off");
        }
        long throttled = 0;
        boolean any = false;
        try (DirectoryStream<Path> cpus = Files.newDirectoryStream(cpuDir, "cpu[0-9]*")) {
            for (Path cpu : cpus) {
                for (String counter : List.of("core_throttle_count", "package_throttle_count")) {
                    Long count = parseLongOrNull(read(cpu.resolve("thermal_throttle").resolve(counter)));
                    if (count != null) {
                        throttled += count;
                        any = true;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no such folder: no counters
        }
        if (any) {
            facts.put("throttle", String.valueOf(throttled));
        }
        return facts;
    }

    /**
     * One-line warnings about a state that would distort the run (empty when none): a
     * {@code powersave} governor, a 1-minute load average over 0.5 per usable core.
     */
    public static List<String> warnings(MachineInfo.State state, int usableCores) {
        List<String> warnings = new ArrayList<>();
        if ("powersave".equals(state.governor())) {
            warnings.add("Warning: the CPU frequency governor is powersave: the CPUs run slow and vary; on a laptop plug in"
                    + " and choose performance (e.g. 'cpupower frequency-set -g performance') for numbers to compare");
        }
        if (!state.loadAverage().isEmpty() && state.loadAverage().get(0) > LOAD_PER_CORE_WARNING * usableCores) {
            warnings.add(String.format(Locale.ROOT, "Warning: load average %.2f on %d usable core%s (over %.1f per core):"
                    + " other work will distort the run%s", state.loadAverage().get(0), usableCores,
                    usableCores == 1 ? "" : "s", LOAD_PER_CORE_WARNING,
                    state.busiestProcesses().isEmpty() ? "" : "; busiest: " + String.join(", ", state.busiestProcesses())));
        }
        return warnings;
    }

    /** The CPU model, from OSHI (Linux, macOS, Windows), or "unknown". */
    public static String cpuModel() {
        try {
            String name = Oshi.systemInfo().getHardware().getProcessor().getProcessorIdentifier().getName();
            return name == null || name.isBlank() ? "unknown" : name.trim();
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    /** The machine's logical processors (all of them, not only those this process may use), or 0. */
    public static int machineLogicalCpus() {
        try {
            return Oshi.systemInfo().getHardware().getProcessor().getLogicalProcessorCount();
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static Long parseLongOrNull(String text) {
        try {
            return text == null ? null : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
