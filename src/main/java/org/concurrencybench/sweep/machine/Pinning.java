package org.concurrencybench.sweep.machine;

import java.util.List;
import java.util.Locale;

/**
 * Whether the sweep can pin a core count's processes to its CPUs here ({@code taskset}, Linux's
 * util-linux), and the words {@code machine.json} and the console use for it.
 */
public record Pinning(boolean available, String description) {

    /** Probes this machine: Linux with a working {@code taskset}, or why not. */
    public static Pinning ofThisMachine() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean linux = os.contains("linux");
        boolean taskset = linux && MachineProbe.command(List.of("taskset", "-c", "0", "true"), null) != null;
        return new Pinning(taskset, taskset ? "taskset" : linux ? "unavailable: taskset not found (install util-linux)"
                : "unavailable: " + System.getProperty("os.name") + " has no CPU affinity; only -XX:ActiveProcessorCount");
    }
}
