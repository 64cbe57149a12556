package org.concurrencybench.model;

import java.util.concurrent.Executors;

/**
 * {@link Model#FIXED_POOL}: {@code parallelism} platform threads fed from one queue, the
 * analogue of Python's {@code ThreadPoolExecutor}. The threads are started with the runner
 * (outside the measured batch) and reused by every batch.
 */
final class FixedPoolRunner extends ExecutorRunner {

    FixedPoolRunner(int parallelism) {
        this(Model.FIXED_POOL, parallelism, TaskInvoker.DIRECT);
    }

    /** A fixed pool whose threads invoke tasks their own way (the global-lock model's). */
    FixedPoolRunner(Model model, int parallelism, TaskInvoker invoker) {
        this(model, checked(parallelism), new TrackedThreadFactory(
                Thread.ofPlatform().name(model.name().toLowerCase(java.util.Locale.ROOT) + "-", 0).factory()), invoker);
    }

    private FixedPoolRunner(Model model, int parallelism, TrackedThreadFactory threads, TaskInvoker invoker) {
        super(model, Executors.newFixedThreadPool(parallelism, threads), threads, invoker);
    }

    private static int checked(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("pool size must be >= 1, got " + parallelism);
        }
        return parallelism;
    }
}
