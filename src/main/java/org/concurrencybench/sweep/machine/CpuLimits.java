package org.concurrencybench.sweep.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The CPUs the suite may really use, which can be fewer than the machine has: the allowed set
 * ({@code Cpus_allowed_list} in {@code /proc/self/status}: an outer {@code taskset}, a container's
 * cpuset) and a cgroup v2 CPU quota ({@code cpu.max}: "200000 100000" is two CPUs' worth of time,
 * "150000 100000" one and a half, "max 100000" none). A quota of 1.5 CPUs over four allowed
 * CPUs lets four threads run for 37.5% of the time each: measuring 4 cores there measures the
 * throttle, so the sweep plans at most {@code floor(quota)} cores (at least 1).
 *
 * <p>The cgroup is the one named by {@code /proc/self/cgroup}'s v2 line ({@code 0::/path}); the
 * quota in force is the smallest along the path from it up to the root, as the kernel applies
 * every ancestor's limit. Parsed from files, so tests read fixtures of both.
 *
 * @param allowedCpus the allowed set as Linux writes it, e.g. {@code 0-3,8}; null where unknown
 * @param allowedCount how many CPUs the allowed set holds
 * @param quotaCpus the cgroup quota in CPUs (quota / period); null for no quota ({@code max}) or no cgroup v2
 * @param quotaFile the {@code cpu.max} that set the quota, or null
 */
public record CpuLimits(String allowedCpus, int allowedCount, Double quotaCpus, String quotaFile) {

    /** Where cgroup v2 is mounted on Linux. */
    static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    /** This process's limits. */
    public static CpuLimits ofThisProcess() {
        return read(Path.of("/proc/self/status"), Path.of("/proc/self/cgroup"), CGROUP_ROOT);
    }

    /**
     * Reads the limits from a {@code /proc/self/status}, a {@code /proc/self/cgroup} and a cgroup v2
     * mount shaped like Linux's (any may be missing: then that limit is unknown, not an error).
     */
    static CpuLimits read(Path status, Path cgroupFile, Path cgroupRoot) {
        String allowed = null;
        int count = Runtime.getRuntime().availableProcessors();
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    allowed = line.substring(line.indexOf(':') + 1).trim();
                    count = CpuTopology.parseCpuList(allowed).size();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no allowed set
        }
        Double quota = null;
        String quotaFile = null;
        Path group = cgroupV2Path(cgroupFile, cgroupRoot);
        for (Path dir = group; dir != null && dir.startsWith(cgroupRoot); dir = dir.getParent()) {
            Double here = parseCpuMax(read(dir.resolve("cpu.max")));
            if (here != null && (quota == null || here < quota)) {
                quota = here;
                quotaFile = dir.resolve("cpu.max").toString();
            }
        }
        return new CpuLimits(allowed, count, quota, quotaFile);
    }

    /** The cgroup v2 directory of {@code /proc/self/cgroup}'s {@code 0::/path} line, or null. */
    static Path cgroupV2Path(Path cgroupFile, Path cgroupRoot) {
        String text = read(cgroupFile);
        if (text == null) {
            return null;
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("0::")) {
                String relative = line.substring(3).trim().replaceFirst("^/+", "");
                return relative.isEmpty() ? cgroupRoot : cgroupRoot.resolve(relative).normalize();
            }
        }
        return null;
    }

    /**
     * A {@code cpu.max} line, "QUOTA PERIOD" in microseconds, as CPUs: "150000 100000" is 1.5;
     * "max 100000" (or "max") is no quota, null; so is a missing or malformed file.
     */
    static Double parseCpuMax(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] fields = text.trim().split("\\s+");
        if (fields[0].equals("max")) {
            return null;
        }
        try {
            long quota = Long.parseLong(fields[0]);
            long period = fields.length > 1 ? Long.parseLong(fields[1]) : 100_000;
            return quota > 0 && period > 0 ? (double) quota / period : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The most cores a sweep may plan: the allowed CPUs, and no more than the quota's whole CPUs (at least 1). */
    public int usableCores() {
        int cores = allowedCount;
        if (quotaCpus != null) {
            cores = Math.min(cores, Math.max(1, (int) Math.floor(quotaCpus + 1e-9)));
        }
        return Math.max(1, cores);
    }

    /**
     * One line saying why the sweep plans fewer cores than the machine's {@code machineCpus}, or
     * null when nothing limits it.
     */
    public String limitLine(int machineCpus) {
        boolean setLimits = allowedCount < machineCpus;
        boolean quotaLimits = quotaCpus != null && Math.floor(quotaCpus + 1e-9) < allowedCount;
        if (!setLimits && !quotaLimits) {
            return null;
        }
        StringBuilder why = new StringBuilder();
        if (setLimits) {
            why.append("this process may run on CPUs ").append(allowedCpus).append(" only (").append(allowedCount)
                    .append(" of ").append(machineCpus).append(": taskset or a container's cpuset)");
        }
        if (quotaLimits) {
            why.append(setLimits ? ", and " : "").append("its cgroup allows ").append(describeQuota())
                    .append(" (").append(quotaFile).append(")");
        }
        return "CPUs: planning at most " + usableCores() + (usableCores() == 1 ? " core" : " cores") + ": " + why;
    }

    /** As the run's machine file records it, with the cores planned at most ({@code logicalCpus}: the topology's). */
    public org.concurrencybench.results.MachineInfo.CpuLimit record(int logicalCpus) {
        return new org.concurrencybench.results.MachineInfo.CpuLimit(allowedCpus, allowedCount, quotaCpus, quotaFile,
                Math.min(logicalCpus, usableCores()));
    }

    /** The quota as a person reads it: "1.5 CPUs", or "no quota". */
    public String describeQuota() {
        return quotaCpus == null ? "no quota" : String.format(Locale.ROOT, "%s CPUs of time",
                quotaCpus == Math.rint(quotaCpus) ? String.valueOf(quotaCpus.longValue())
                        : String.format(Locale.ROOT, "%.2f", quotaCpus));
    }

    private static String read(Path file) {
        try {
            return file == null ? null : Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
