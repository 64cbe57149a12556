package org.concurrencybench.sweep.machine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads where each CPU sits from a Linux sysfs tree ({@code /sys}, or a copy of its files: the
 * tests' fixture trees, and {@code CONCURRENCYBENCH_SYSFS} for a dry run of another machine's
 * plan): the performance class ({@link PerformanceClasses}), the L3 group (the cache index of level
 * 3, {@code shared_cpu_list}; none where the CPU's cache folder has no level 3), the NUMA node ({@code devices/system/node/node*}{@code /cpulist}), the
 * socket and core ({@code topology/physical_package_id}, {@code core_id}).
 *
 * <p>Why tolerant: containers, VMs and old kernels hide some of these files. A missing file makes
 * that fact unknown (every CPU its own core, one socket, no types), never an error, so the order
 * falls back to the plain one.
 */
public final class SysfsTopology {

    /** The environment variable naming a sysfs tree to plan on instead of this machine's. */
    public static final String ROOT_VARIABLE = "CONCURRENCYBENCH_SYSFS";
    /** Where Linux mounts sysfs. */
    public static final Path LINUX_ROOT = Path.of("/sys");

    private SysfsTopology() {
    }

    /** The CPU directory of a sysfs root, e.g. {@code /sys/devices/system/cpu}. */
    public static Path cpuDir(Path root) {
        return root.resolve("devices/system/cpu");
    }

    /** The CPUs the tree calls online ({@code devices/system/cpu/online}), or null where it does not say. */
    public static SortedSet<Integer> onlineCpus(Path root) {
        String online = read(cpuDir(root).resolve("online"));
        return online == null ? null : parseCpuList(online);
    }

    /** Where each of {@code allowed} sits, in CPU-number order. */
    public static List<LogicalCpu> read(Path root, SortedSet<Integer> allowed) {
        return read(root, cpuDir(root), allowed);
    }

    /** The same, with the CPU directory given apart from the root (a tree of CPU folders only). */
    public static List<LogicalCpu> read(Path root, Path cpus, SortedSet<Integer> allowed) {
        Map<Integer, Integer> l3Groups = new HashMap<>();
        Map<Integer, Long> l3Kib = new HashMap<>();
        for (int cpu : allowed) {
            Path cache = cpus.resolve("cpu" + cpu).resolve("cache");
            Path l3 = l3Index(cache);
            String shared = l3 == null ? null : read(l3.resolve("shared_cpu_list"));
            l3Groups.put(cpu, shared != null && !shared.isBlank() ? parseCpuList(shared).first()
                    : l3 == null && hasCacheIndexes(cache) ? PerformanceClasses.NO_L3 : -1);
            l3Kib.put(cpu, l3 == null ? 0L : kib(read(l3.resolve("size"))));
        }
        Map<Integer, PerformanceClasses.Kind> kinds = PerformanceClasses.of(root, cpus, allowed, l3Groups, l3Kib);
        Map<Integer, Integer> nodes = readNodes(root.resolve("devices/system/node"));
        List<LogicalCpu> result = new ArrayList<>();
        for (int cpu : allowed) {
            Path dir = cpus.resolve("cpu" + cpu);
            String socket = read(dir.resolve("topology/physical_package_id"));
            String coreId = read(dir.resolve("topology/core_id"));
            String core = coreId == null ? "cpu" + cpu : (socket == null ? "0" : socket) + "/" + coreId;
            PerformanceClasses.Kind kind = kinds.get(cpu);
            result.add(new LogicalCpu(cpu, kind.name(), kind.rank(), intOr(socket, 0), nodes.getOrDefault(cpu, -1),
                    l3Groups.get(cpu), core));
        }
        return result;
    }

    private static Map<Integer, Integer> readNodes(Path nodeDir) {
        Map<Integer, Integer> nodes = new HashMap<>();
        if (!Files.isDirectory(nodeDir)) {
            return nodes;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(nodeDir, "node[0-9]*")) {
            for (Path entry : entries) {
                int node = Integer.parseInt(entry.getFileName().toString().substring(4));
                String list = read(entry.resolve("cpulist"));
                if (list != null) {
                    parseCpuList(list).forEach(cpu -> nodes.put(cpu, node));
                }
            }
        } catch (IOException | RuntimeException e) {
            nodes.clear(); // unreadable: nodes unknown
        }
        return nodes;
    }

    /** The cache index folder of level 3 under {@code cacheDir}, or null where there is none. */
    private static Path l3Index(Path cacheDir) {
        if (!Files.isDirectory(cacheDir)) {
            return null;
        }
        try (DirectoryStream<Path> indexes = Files.newDirectoryStream(cacheDir, "index[0-9]*")) {
            for (Path index : indexes) {
                if ("3".equals(read(index.resolve("level")))) {
                    return index;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Whether Linux describes any cache of this CPU: then a missing level 3 means it has none. */
    private static boolean hasCacheIndexes(Path cacheDir) {
        if (!Files.isDirectory(cacheDir)) {
            return false;
        }
        try (DirectoryStream<Path> indexes = Files.newDirectoryStream(cacheDir, "index[0-9]*")) {
            return indexes.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A cache size as sysfs writes it ("24576K", "32M"), in KiB; 0 where unknown. */
    private static long kib(String size) {
        if (size == null || size.isBlank()) {
            return 0;
        }
        char unit = Character.toUpperCase(size.charAt(size.length() - 1));
        try {
            long value = Long.parseLong(Character.isDigit(unit) ? size : size.substring(0, size.length() - 1));
            return unit == 'M' ? value * 1024 : unit == 'G' ? value * 1024 * 1024 : unit == 'K' ? value : value / 1024;
        } catch (NumberFormatException e) {
            return 0;
        }
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

    private static int intOr(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
