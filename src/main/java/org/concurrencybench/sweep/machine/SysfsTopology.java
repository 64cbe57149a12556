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
 * plan): the core type ({@code devices/cpu_core/cpus} and {@code devices/cpu_atom/cpus} on Intel
 * hybrid, {@code cpu_capacity} on ARM big.LITTLE), the L3 group (the cache index of level 3,
 * {@code shared_cpu_list}), the NUMA node ({@code devices/system/node/node*}{@code /cpulist}), the
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
        Map<Integer, Integer> typeRanks = new HashMap<>();
        Map<Integer, String> types = new HashMap<>();
        readCoreTypes(root, cpus, allowed, typeRanks, types);
        Map<Integer, Integer> nodes = readNodes(root.resolve("devices/system/node"));
        List<LogicalCpu> result = new ArrayList<>();
        for (int cpu : allowed) {
            Path dir = cpus.resolve("cpu" + cpu);
            String socket = read(dir.resolve("topology/physical_package_id"));
            String coreId = read(dir.resolve("topology/core_id"));
            String core = coreId == null ? "cpu" + cpu : (socket == null ? "0" : socket) + "/" + coreId;
            result.add(new LogicalCpu(cpu, types.get(cpu), typeRanks.getOrDefault(cpu, 0), intOr(socket, 0),
                    nodes.getOrDefault(cpu, -1), l3Group(dir.resolve("cache")), core));
        }
        return result;
    }

    /** Intel hybrid's P/E lists, else distinct {@code cpu_capacity} values (the largest first), else none. */
    private static void readCoreTypes(Path root, Path cpus, SortedSet<Integer> allowed, Map<Integer, Integer> ranks,
                                      Map<Integer, String> types) {
        String performance = read(root.resolve("devices/cpu_core/cpus"));
        String efficient = read(root.resolve("devices/cpu_atom/cpus"));
        if (performance != null && efficient != null) {
            parseCpuList(performance).forEach(cpu -> { ranks.put(cpu, 0); types.put(cpu, "P"); });
            parseCpuList(efficient).forEach(cpu -> { ranks.put(cpu, 1); types.put(cpu, "E"); });
            return;
        }
        Map<Integer, Integer> capacity = new HashMap<>();
        for (int cpu : allowed) {
            String value = read(cpus.resolve("cpu" + cpu).resolve("cpu_capacity"));
            if (value != null) {
                capacity.put(cpu, intOr(value, 0));
            }
        }
        TreeSet<Integer> distinct = new TreeSet<>(java.util.Comparator.reverseOrder());
        distinct.addAll(capacity.values());
        if (distinct.size() < 2 || capacity.size() < allowed.size()) {
            return; // all alike, or not known for every CPU
        }
        List<Integer> byCapacity = new ArrayList<>(distinct);
        capacity.forEach((cpu, value) -> {
            int rank = byCapacity.indexOf(value);
            ranks.put(cpu, rank);
            types.put(cpu, rank == 0 ? "P" : "E");
        });
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

    /** The lowest CPU sharing this CPU's level-3 cache, or -1. */
    private static int l3Group(Path cacheDir) {
        if (!Files.isDirectory(cacheDir)) {
            return -1;
        }
        try (DirectoryStream<Path> indexes = Files.newDirectoryStream(cacheDir, "index[0-9]*")) {
            for (Path index : indexes) {
                String shared = read(index.resolve("shared_cpu_list"));
                if ("3".equals(read(index.resolve("level"))) && shared != null && !shared.isBlank()) {
                    return parseCpuList(shared).first();
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
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

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
