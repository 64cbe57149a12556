package org.concurrencybench.model;

import org.concurrencybench.process.WorkerLauncher;

/**
 * The concurrency models, by the names the benchmarks, result files and reports use, and the one
 * place that builds each model's runner.
 */
public enum Model {
    /** Every task in turn on the caller's thread: the baseline. */
    SEQUENTIAL,
    /** A new platform thread per task, all started then all joined ({@code threading.Thread}). */
    THREAD_PER_TASK,
    /** {@code parallelism} platform threads fed by a queue ({@code ThreadPoolExecutor}). */
    FIXED_POOL,
    /** Its own {@code ForkJoinPool(parallelism)}, the batch split recursively. */
    FORK_JOIN,
    /** A virtual thread per task. */
    VIRTUAL_THREADS,
    /** {@code parallelism} long-lived worker JVMs ({@code ProcessPoolExecutor}). */
    PROCESS_POOL,
    /** A fresh JVM per task ({@code multiprocessing.Process}). */
    PROCESS_PER_TASK,
    /** The fixed pool's threads under a simulated CPython global interpreter lock. */
    GLOBAL_LOCK,
    /** One thread running every task as callbacks on a selector ({@code asyncio}). */
    EVENT_LOOP,
    /** A new platform thread per task, all under one simulated GIL ({@code threading.Thread} in CPython). */
    GLOBAL_LOCK_PER_TASK;

    /** Builds this model's runner; the caller closes it. */
    public ModelRunner newRunner(RunnerSettings settings) {
        return switch (this) {
            case SEQUENTIAL -> new SequentialRunner();
            case THREAD_PER_TASK -> new ThreadPerTaskRunner();
            case FIXED_POOL -> new FixedPoolRunner(settings.effectiveParallelism());
            case FORK_JOIN -> new ForkJoinRunner(settings.effectiveParallelism());
            case VIRTUAL_THREADS -> new VirtualThreadRunner();
            case PROCESS_POOL -> new ProcessPoolRunner(settings.effectiveParallelism(),
                    WorkerLauncher.standard(WorkerLauncher.Lifetime.LONG_LIVED), settings.chunksize());
            case PROCESS_PER_TASK -> new ProcessPerTaskRunner(settings.effectiveParallelism(),
                    WorkerLauncher.standard(WorkerLauncher.Lifetime.ONE_TASK));
            case GLOBAL_LOCK -> new GlobalLockRunner(settings);
            case EVENT_LOOP -> new EventLoopRunner();
            case GLOBAL_LOCK_PER_TASK -> new GlobalLockRunner(settings, GlobalLockRunner.Threads.ONE_PER_TASK);
        };
    }

    /** Parses a model name, case-insensitively; the error lists the valid names. */
    public static Model parse(String name) {
        return org.concurrencybench.workload.EnumNames.parse(Model.class, name, "model");
    }
}
