package org.concurrencybench.results;

/**
 * How a core count reads in tables and charts. While it fits on separate physical cores it is the
 * count alone; past them it is logical CPUs (hyperthreads sharing a core's execution units), so
 * it reads "6 (logical CPUs, up to 2 per core)" in tables and "6 (2/core)" on a chart's axis, and
 * no one takes a hyperthread step for more cores.
 */
public final class CoreCountLabel {

    private CoreCountLabel() {
    }

    /** The table label of {@code cores} on a machine of {@code physicalCores} (0: unknown, no label). */
    public static String of(int cores, int physicalCores) {
        if (!logical(cores, physicalCores)) {
            return Integer.toString(cores);
        }
        return cores + " (logical CPUs, " + (cores % physicalCores == 0 ? "" : "up to ") + perCore(cores, physicalCores)
                + " per core)";
    }

    /** The short form for a chart's axis. */
    public static String axis(int cores, int physicalCores) {
        return logical(cores, physicalCores) ? cores + " (" + perCore(cores, physicalCores) + "/core)"
                : Integer.toString(cores);
    }

    /** Whether {@code cores} is past the physical cores. */
    public static boolean logical(int cores, int physicalCores) {
        return physicalCores > 0 && cores > physicalCores;
    }

    private static int perCore(int cores, int physicalCores) {
        return (cores + physicalCores - 1) / physicalCores;
    }
}
