package org.concurrencybench.report.analysis;

import java.util.Set;

/**
 * What a workload's tasks spend their time on, which decides which metrics mean something for it.
 * Why: an "efficiency" of 46 or a Karp-Flatt fraction of -0.96 for tasks that sleep is a number
 * with no meaning; per-core metrics (efficiency, Karp-Flatt, the Amdahl and USL fits) are only
 * shown for {@link #CPU_BOUND} work under a model that can run a task per core, and waits (SLEEP,
 * IO) report an overlap factor, not a speedup.
 *
 * <p>CPU, MEMORY (bandwidth-bound, but every task keeps a core busy) and CONTENDED (CPU work with a
 * lock between chunks) are CPU-bound; SLEEP and IO are waits; MIXED interleaves both, so its
 * speedup mixes parallel work with overlapped waits and per-core metrics would mislead; a user's
 * own task (USER) is of unknown kind, and is treated as MIXED is: speedup, no per-core metrics.
 */
public enum WorkloadKind {
    CPU_BOUND, WAITS, MIXED, UNKNOWN;

    /** The models that can run one task per core at once (no GIL, not one thread, not the baseline). */
    public static final Set<String> PARALLEL_MODELS = Set.of("THREAD_PER_TASK", "FIXED_POOL", "FORK_JOIN",
            "VIRTUAL_THREADS", "PROCESS_POOL", "PROCESS_PER_TASK");

    /** The kind of a workload group ("CPU", "CPU tasks=256", "USER Sha256Task"). */
    public static WorkloadKind of(String group) {
        return switch (group.split(" ", 2)[0]) {
            case "CPU", "MEMORY", "CONTENDED" -> CPU_BOUND;
            case "SLEEP", "IO" -> WAITS;
            case "MIXED" -> MIXED;
            default -> UNKNOWN;
        };
    }

    /** Whether efficiency, Karp-Flatt and the scaling-law fits mean something for this model on this work. */
    public boolean perCoreMetrics(String model) {
        return this == CPU_BOUND && PARALLEL_MODELS.contains(model);
    }
}
