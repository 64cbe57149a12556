package org.concurrencybench.sweep.machine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.concurrencybench.results.CpuLayout;

/**
 * Where the hardware changes along a {@link PinningOrder}, and what each core count spans: the
 * counts a sweep measures by default (the end of each performance class: all P-cores, the P-cores
 * with the E-cores that share their L3, all physical cores; one L3 group, one socket; on top of the
 * powers of two and all CPUs) and the labels tables and charts give them, "4 (P-cores)",
 * "12 (+8 E)", "16 (+8 E, +2 LP-E)", "16 (2 L3 groups)", "32 (2 sockets)", "64 (2 sockets, +32
 * hyperthreads)": each count named by what it adds to the fastest class.
 *
 * <p>Why: a scaling curve bends where E-cores, a second cache group or a second socket join. A
 * count that stops just before such a change, and a label that says what each count spans, let
 * the report name the bend for what it is instead of calling it the model's overhead.
 */
public final class HardwareBoundaries {

    private final PinningOrder order;
    private final List<CpuLayout.Boundary> boundaries;
    /** Each class's name, fastest first, and how many physical cores it has. */
    private final List<String> classNames = new ArrayList<>();
    private final List<Integer> classCores = new ArrayList<>();
    /** The core counts where a class ends and the next begins. */
    private final SortedSet<Integer> classEnds = new TreeSet<>();
    private final Map<String, Integer> firstChange;

    private HardwareBoundaries(PinningOrder order) {
        this.order = order;
        List<LogicalCpu> cores = order.cpus().subList(0, order.physicalCores());
        for (LogicalCpu cpu : cores) {
            if (classNames.size() <= cpu.typeRank()) {
                classNames.add(cpu.coreType());
                classCores.add(0);
            }
            classCores.set(cpu.typeRank(), classCores.get(cpu.typeRank()) + 1);
        }
        int end = 0;
        for (int i = 0; i + 1 < classCores.size(); i++) {
            end += classCores.get(i);
            classEnds.add(end);
        }
        this.firstChange = new LinkedHashMap<>();
        firstChange.put("socket", firstChange(cores, LogicalCpu::socket));
        firstChange.put("node", firstChange(cores, LogicalCpu::node));
        firstChange.put("l3", firstChange(cores, LogicalCpu::l3Group));
        this.boundaries = computeBoundaries();
    }

    /** The boundaries of {@code order}. */
    public static HardwareBoundaries of(PinningOrder order) {
        return new HardwareBoundaries(order);
    }

    /**
     * The position where {@code key} first differs from the first core's, or 0 where it never does;
     * an unknown or absent place (negative: no L3) is no change.
     */
    private static int firstChange(List<LogicalCpu> cores, ToIntFunction<LogicalCpu> key) {
        int first = key.applyAsInt(cores.get(0));
        for (int i = 1; i < cores.size() && first >= 0; i++) {
            if (key.applyAsInt(cores.get(i)) >= 0 && key.applyAsInt(cores.get(i)) != first) {
                return i;
            }
        }
        return 0;
    }

    private List<CpuLayout.Boundary> computeBoundaries() {
        // Where two coincide, the larger unit names it: performance class, socket, node, L3 group, physical cores.
        TreeMap<Integer, CpuLayout.Boundary> byCount = new TreeMap<>();
        if (order.physicalCores() < order.logicalCpus()) {
            byCount.put(order.physicalCores(), new CpuLayout.Boundary(order.physicalCores(),
                    order.hybrid() ? "the " + cores(classNames) : "the physical cores", "hyperthreads join"));
        }
        put(byCount, firstChange.get("l3"), "one L3 group", "a second L3 group joins");
        put(byCount, firstChange.get("node"), "one NUMA node", "a second NUMA node joins");
        put(byCount, firstChange.get("socket"), "one socket", "a second socket joins");
        int end = 0;
        for (int i = 0; i + 1 < classNames.size(); i++) {
            end += classCores.get(i);
            put(byCount, end, "the " + cores(classNames.subList(0, i + 1)),
                    "the " + cores(List.of(classNames.get(i + 1))) + " join");
        }
        return List.copyOf(byCount.values());
    }

    /** "P-cores", "P- and E-cores", "P-, E- and LP-E-cores". */
    private static String cores(List<String> names) {
        if (names.size() == 1) {
            return names.get(0) + "-cores";
        }
        String init = String.join("-, ", names.subList(0, names.size() - 1));
        return init + "- and " + names.get(names.size() - 1) + "-cores";
    }

    private static void put(TreeMap<Integer, CpuLayout.Boundary> byCount, int cores, String name, String crossing) {
        if (cores > 0) {
            byCount.put(cores, new CpuLayout.Boundary(cores, name, crossing));
        }
    }

    /** Where the hardware changes, in increasing core counts. */
    public List<CpuLayout.Boundary> boundaries() {
        return boundaries;
    }

    /**
     * The default core counts within {@code usable} CPUs: 1, 2, 4, ..., the usable CPUs, and every
     * boundary under them.
     */
    public List<Integer> defaultCounts(int usable) {
        SortedSet<Integer> counts = new TreeSet<>();
        for (int n = 1; n <= usable; n *= 2) {
            counts.add(n);
        }
        counts.add(usable);
        counts.addAll(boundaryCounts(usable));
        return List.copyOf(counts);
    }

    /** The boundaries' core counts up to {@code usable}: the counts a budget keeps before powers of two. */
    public SortedSet<Integer> boundaryCounts(int usable) {
        SortedSet<Integer> counts = new TreeSet<>();
        boundaries.stream().map(CpuLayout.Boundary::cores).filter(n -> n <= usable).forEach(counts::add);
        return counts;
    }

    /** How {@code n} cores read in a table: "12 (+8 E)", "32 (2 sockets)", or "2". */
    public String label(int n) {
        List<String> parts = parts(n, false);
        return parts.isEmpty() ? Integer.toString(n) : n + " (" + String.join(", ", parts) + ")";
    }

    /** The same, shorter, for a chart's axis: "12 (+8 E)", "16 (2 L3)", "64 (2 sockets, +32 HT)". */
    public String axis(int n) {
        List<String> parts = parts(n, true);
        return parts.isEmpty() ? Integer.toString(n) : n + " (" + String.join(", ", parts) + ")";
    }

    private List<String> parts(int n, boolean brief) {
        List<LogicalCpu> cpus = order.first(n);
        List<String> parts = new ArrayList<>();
        for (int rank = 1; rank < classNames.size(); rank++) {
            int r = rank;
            long added = cpus.stream().filter(cpu -> cpu.typeRank() == r && !order.hyperthread(cpu.cpu())).count();
            if (added > 0) {
                parts.add("+" + added + " " + classNames.get(rank));
            }
        }
        if (parts.isEmpty() && order.hybrid() && n == classCores.get(0)) {
            parts.add(brief ? classNames.get(0) : classNames.get(0) + "-cores");
        }
        String spread = spread(cpus, "socket", LogicalCpu::socket, "sockets", brief ? "1 socket" : "one socket");
        if (spread == null) {
            spread = spread(cpus, "node", LogicalCpu::node, "NUMA nodes", brief ? "1 node" : "one NUMA node");
        }
        if (spread == null) {
            spread = spread(cpus, "l3", LogicalCpu::l3Group, brief ? "L3" : "L3 groups", brief ? "1 L3" : "one L3 group");
        }
        if (spread != null) {
            parts.add(spread);
        }
        long hyperthreads = cpus.stream().filter(cpu -> order.hyperthread(cpu.cpu())).count();
        if (hyperthreads > 0) {
            parts.add("+" + hyperthreads + (brief ? " HT" : " hyperthreads"));
        }
        return parts;
    }

    /** "2 sockets" past the first socket, "one socket" exactly at its boundary, null otherwise. */
    private String spread(List<LogicalCpu> cpus, String unit, ToIntFunction<LogicalCpu> key, String plural,
                          String one) {
        int boundary = firstChange.get(unit);
        if (boundary == 0) {
            return null; // the machine has one of these (or does not say)
        }
        long spanned = cpus.stream().mapToInt(key).filter(place -> place >= 0).distinct().count();
        if (spanned > 1) {
            return spanned + " " + plural;
        }
        return cpus.size() == boundary && !classEnds.contains(boundary) ? one : null; // a class's end names it
    }

    /** What {@code machine.json} records of {@code counts}: each one's labels and CPUs, and the boundaries. */
    public CpuLayout layout(List<Integer> counts) {
        Map<String, CpuLayout.CoreCount> byCount = new LinkedHashMap<>();
        for (int n : counts) {
            List<CpuLayout.Cpu> cpus = order.first(n).stream().map(cpu -> cpu.record(order.hyperthread(cpu.cpu())))
                    .toList();
            byCount.put(String.valueOf(n), new CpuLayout.CoreCount(label(n), axis(n), cpus));
        }
        return new CpuLayout(boundaries, byCount);
    }

    /** One line of the plan for {@code n} cores: label, CPUs (compact) and where they sit. */
    public String planLine(int n) {
        List<LogicalCpu> cpus = order.first(n);
        return String.format("  %-40s CPUs %-24s sockets %s, nodes %s, L3 groups %s", label(n),
                compact(cpus, LogicalCpu::cpu), compact(cpus, LogicalCpu::socket), compact(cpus, LogicalCpu::node),
                l3Groups(cpus));
    }

    /** The L3 groups of {@code cpus} ("0,8"), with the CPUs that have none ("0, none (20-21)"); "?" for unknown. */
    static String l3Groups(List<LogicalCpu> cpus) {
        List<LogicalCpu> withL3 = cpus.stream().filter(cpu -> cpu.l3Group() != PerformanceClasses.NO_L3).toList();
        List<LogicalCpu> without = cpus.stream().filter(cpu -> cpu.l3Group() == PerformanceClasses.NO_L3).toList();
        if (without.isEmpty()) {
            return compact(cpus, LogicalCpu::l3Group);
        }
        String none = "none (" + compact(without, LogicalCpu::cpu) + ")";
        return withL3.isEmpty() ? none : compact(withL3, LogicalCpu::l3Group) + ", " + none;
    }

    /** A set of values as Linux writes CPU lists ("0-3,8"); "?" for unknown (-1). */
    static String compact(List<LogicalCpu> cpus, ToIntFunction<LogicalCpu> key) {
        TreeSet<Integer> values = new TreeSet<>();
        cpus.forEach(cpu -> values.add(key.applyAsInt(cpu)));
        if (values.first() < 0) {
            return "?";
        }
        StringBuilder text = new StringBuilder();
        Integer start = null;
        Integer previous = null;
        for (int value : values) {
            if (start == null) {
                start = value;
            } else if (value != previous + 1) {
                text.append(text.isEmpty() ? "" : ",").append(start.equals(previous) ? start : start + "-" + previous);
                start = value;
            }
            previous = value;
        }
        text.append(text.isEmpty() ? "" : ",").append(start.equals(previous) ? start : start + "-" + previous);
        return text.toString();
    }
}
