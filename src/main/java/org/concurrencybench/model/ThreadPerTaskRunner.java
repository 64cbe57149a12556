package org.concurrencybench.model;

import java.util.concurrent.Executors;

/**
 * {@link Model#THREAD_PER_TASK}: a new platform thread for every task of every batch, like
 * starting a {@code threading.Thread} per job. Creating and starting the threads is part of
 * what this model costs, so it happens inside the measured batch.
 */
final class ThreadPerTaskRunner extends ExecutorRunner {

    ThreadPerTaskRunner() {
        this(new TrackedThreadFactory(Thread.ofPlatform().name("task-", 0).factory()));
    }

    private ThreadPerTaskRunner(TrackedThreadFactory threads) {
        super(Model.THREAD_PER_TASK, Executors.newThreadPerTaskExecutor(threads), threads, TaskInvoker.DIRECT);
    }
}
