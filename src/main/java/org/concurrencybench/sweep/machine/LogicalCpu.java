package org.concurrencybench.sweep.machine;

import org.concurrencybench.results.CpuLayout;

/**
 * One CPU as the pinning order sees it: what kind of core it is and which cache group, NUMA node
 * and socket it sits in. Why a record: the order ({@link PinningOrder}) and the labels
 * ({@link HardwareBoundaries}) compare these places, whichever source read them (Linux's sysfs,
 * OSHI, a fixture tree).
 *
 * @param cpu the CPU number
 * @param coreType its performance class on a hybrid machine ("P", "E", "LP-E", "M"), null where every core is alike
 * @param typeRank the class's place in the order: 0 for the fastest cores, then 1, 2, ... ({@link PerformanceClasses})
 * @param socket the physical package
 * @param node the NUMA node, -1 where unknown
 * @param l3Group the lowest CPU sharing its L3 cache, -1 where unknown, {@link PerformanceClasses#NO_L3} where it has none
 * @param core which physical core it is a thread of (any key unique on the machine)
 */
public record LogicalCpu(int cpu, String coreType, int typeRank, int socket, int node, int l3Group, String core) {

    /** A CPU of which nothing is known but its number: its own core, on socket 0. */
    public static LogicalCpu alone(int cpu) {
        return new LogicalCpu(cpu, null, 0, 0, -1, -1, "cpu" + cpu);
    }

    /** As {@code machine.json} records it. */
    public CpuLayout.Cpu record(boolean hyperthread) {
        return new CpuLayout.Cpu(cpu, coreType, l3Group < 0 ? null : l3Group, node < 0 ? null : node, socket,
                hyperthread);
    }
}
