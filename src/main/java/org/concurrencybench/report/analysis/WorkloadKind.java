package org.concurrencybench.report.analysis;

import java.util.List;
import java.util.Set;

/**
 * What a workload's tasks spend their time on, which decides which metrics mean something for it.
 * Why: an "efficiency" of 46 or a Karp-Flatt fraction of -0.96 for tasks that sleep is a number
 * with no meaning; per-core metrics (efficiency, Karp-Flatt, the Amdahl and USL fits) are only
 * shown for {@link #CPU_BOUND} work under a model that can run a task per core and does not start a
 * process per task ({@link #PROCESS_START_DOMINATED}), and waits (SLEEP,
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
    public static final List<String> PARALLEL_MODELS = List.of("THREAD_PER_TASK", "FIXED_POOL", "FORK_JOIN",
            "VIRTUAL_THREADS", "PROCESS_POOL", "PROCESS_PER_TASK");

    /**
     * The models whose every task starts a process: their batch is dominated by process start-up
     * (a JVM start per task, tens of milliseconds against a task of a few), so a speedup of 0.13
     * read as a serial fraction (13.0) or an efficiency measures the start, not the work's scaling.
     */
    public static final Set<String> PROCESS_START_DOMINATED = Set.of("PROCESS_PER_TASK");

    /** The models per-core metrics are shown for on CPU-bound work, in the order the report names them. */
    public static final List<String> PER_CORE_MODELS = PARALLEL_MODELS.stream()
            .filter(model -> !PROCESS_START_DOMINATED.contains(model)).toList();

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
        return this == CPU_BOUND && PER_CORE_MODELS.contains(model);
    }

    /**
     * Whether a Karp-Flatt serial fraction is one: within [0, 1]. Below 0 the speedup over 1 core
     * exceeds the cores (super-linear: caches or a noisy baseline, not a negative serial part);
     * above 1 the model is slower than SEQUENTIAL at 1 core. Neither is a fraction of the work.
     */
    public static boolean isFraction(double karpFlatt) {
        return karpFlatt >= 0 && karpFlatt <= 1;
    }
}
