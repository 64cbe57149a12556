package org.concurrencybench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * Which hardware each core count of a run ran on, as {@code machine.json} records it
 * ({@code cpuLayout}): for every core count its label ("12 (+8 E)"), and each CPU with its core
 * type, L3 group, NUMA node and socket; and the boundaries where the hardware changes (all
 * P-cores, one L3 group, one socket, the physical cores), which the report draws as vertical lines
 * and names in its verdicts.
 *
 * <p>Why a record of its own: a scaling curve that bends where the E-cores join or a second socket
 * joins is the hardware, not the model's overhead, and only the sweep knows the CPUs it pinned.
 * Files from before it have no layout; their labels fall back to {@link CoreCountLabel}.
 *
 * @param boundaries where the hardware changes, by core count, in increasing order
 * @param coreCounts by core count (as a string, as JSON keys are): its label and CPUs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CpuLayout(List<Boundary> boundaries, Map<String, CoreCount> coreCounts) {

    public CpuLayout {
        boundaries = boundaries == null ? List.of() : List.copyOf(boundaries);
        coreCounts = coreCounts == null ? Map.of() : Map.copyOf(coreCounts);
    }

    /**
     * One CPU of a core count.
     *
     * @param cpu the CPU number
     * @param coreType the performance class on a hybrid machine ("P", "E", "LP-E"; ARM's tiers "P", "M", "E"), else null
     * @param l3Group the lowest CPU that shares its L3 cache (the group's name), or null where unknown
     * @param node its NUMA node, or null where unknown
     * @param socket its physical package
     * @param hyperthread whether it is the second (or later) thread of a core already used
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cpu(int cpu, String coreType, Integer l3Group, Integer node, int socket, boolean hyperthread) {
    }

    /**
     * A core count: its labels in tables ("16 (2 L3 groups)") and on a chart's axis (shorter),
     * and its CPUs in pinning order.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CoreCount(String label, String axis, List<Cpu> cpus) {
        public CoreCount {
            cpus = cpus == null ? List.of() : List.copyOf(cpus);
        }
    }

    /**
     * A count where the hardware changes: up to {@code cores} CPUs stay within {@code name} ("the
     * P-cores", "one L3 group", "one socket"); the next one is where {@code crossing} ("the E-cores
     * join", "a second socket joins").
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Boundary(int cores, String name, String crossing) {
    }

    /** The table label of {@code cores}: the layout's, else the count with hyperthreads named as before. */
    public static String label(CpuLayout layout, int cores, int physicalCores) {
        CoreCount count = layout == null ? null : layout.coreCounts().get(String.valueOf(cores));
        return count != null && count.label() != null ? count.label() : CoreCountLabel.of(cores, physicalCores);
    }

    /** The axis label of {@code cores}: the layout's, else {@link CoreCountLabel#axis}. */
    public static String axis(CpuLayout layout, int cores, int physicalCores) {
        CoreCount count = layout == null ? null : layout.coreCounts().get(String.valueOf(cores));
        return count != null && count.axis() != null ? count.axis() : CoreCountLabel.axis(cores, physicalCores);
    }
}
