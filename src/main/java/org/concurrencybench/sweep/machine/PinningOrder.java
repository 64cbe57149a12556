package org.concurrencybench.sweep.machine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The order in which a sweep adds CPUs as its core count grows, following the hardware: the
 * fastest performance class before slower ones (P before E; a class without an L3 last;
 * {@link PerformanceClasses}), and within a class one L3 group filled before the next, then one
 * NUMA node, then one socket; the second threads of cores (hyperthreads) last.
 *
 * <p>Why: pinning to {@code 0..N-1} can put two threads on one core's hyperthreads and halve a
 * laptop's apparent scaling, mix P- and E-cores and call the difference "overhead", or spread four
 * threads over two sockets of a server whose numbering alternates between them. Each core count
 * takes the first N CPUs of this order, so a larger count only adds CPUs to a smaller one's.
 */
public final class PinningOrder {

    private final List<LogicalCpu> order;
    private final Set<Integer> hyperthreads;
    private final int physicalCores;

    private PinningOrder(List<LogicalCpu> order, Set<Integer> hyperthreads, int physicalCores) {
        this.order = List.copyOf(order);
        this.hyperthreads = Set.copyOf(hyperthreads);
        this.physicalCores = physicalCores;
    }

    /** The order of {@code cpus} (any order; one entry per CPU the sweep may use). */
    public static PinningOrder of(List<LogicalCpu> cpus) {
        Map<String, Integer> lowestCpuOfCore = new HashMap<>();
        for (LogicalCpu cpu : cpus) {
            lowestCpuOfCore.merge(cpu.core(), cpu.cpu(), Math::min);
        }
        Comparator<LogicalCpu> byPlace = Comparator.comparingInt(LogicalCpu::typeRank)
                .thenComparingInt(LogicalCpu::socket)
                .thenComparingInt(LogicalCpu::node)
                .thenComparingInt(LogicalCpu::l3Group)
                .thenComparingInt(cpu -> lowestCpuOfCore.get(cpu.core()))
                .thenComparingInt(LogicalCpu::cpu);
        List<LogicalCpu> sorted = new ArrayList<>(cpus);
        sorted.sort(Comparator.comparingInt(LogicalCpu::cpu));
        Set<String> seen = new LinkedHashSet<>();
        List<LogicalCpu> first = new ArrayList<>();
        List<LogicalCpu> later = new ArrayList<>();
        for (LogicalCpu cpu : sorted) {
            (seen.add(cpu.core()) ? first : later).add(cpu);
        }
        first.sort(byPlace);
        later.sort(byPlace);
        List<LogicalCpu> order = new ArrayList<>(first);
        order.addAll(later);
        Set<Integer> siblings = new HashSet<>();
        later.forEach(cpu -> siblings.add(cpu.cpu()));
        return new PinningOrder(order, siblings, first.size());
    }

    /** Every CPU, in the order core counts take them. */
    public List<LogicalCpu> cpus() {
        return order;
    }

    /** The first {@code n} CPUs of the order: what {@code n} cores run on. */
    public List<LogicalCpu> first(int n) {
        if (n < 1 || n > order.size()) {
            throw new IllegalArgumentException("cannot pin to " + n + " CPUs: this machine lets the suite use "
                    + order.size());
        }
        return order.subList(0, n);
    }

    /** Whether {@code cpu} is the second (or later) thread of a core: taken only after every core's first. */
    public boolean hyperthread(int cpu) {
        return hyperthreads.contains(cpu);
    }

    /** Cores, counting each core's threads once. */
    public int physicalCores() {
        return physicalCores;
    }

    /** CPUs in all. */
    public int logicalCpus() {
        return order.size();
    }

    /** Whether the cores are of more than one kind (P and E). */
    public boolean hybrid() {
        return order.stream().map(LogicalCpu::typeRank).distinct().count() > 1;
    }

    /** The CPUs of {@code n} cores as {@code taskset -c} takes them, in number order: "0,2,4,6". */
    public String cpusFor(int n) {
        return first(n).stream().map(LogicalCpu::cpu).sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
