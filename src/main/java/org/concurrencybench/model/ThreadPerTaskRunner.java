package org.concurrencybench.model;

import java.util.concurrent.Executors;

/**
 * {@link Model#THREAD_PER_TASK}: a new platform thread for every task of every batch, like
 * starting a {@code threading.Thread} per job. Creating, starting and joining the threads is part
 * of what this model costs, so it happens inside the measured batch.
 */
final class ThreadPerTaskRunner extends ExecutorRunner {

    ThreadPerTaskRunner() {
        this(Model.THREAD_PER_TASK, TaskInvoker.DIRECT);
    }

    /** A thread per task whose threads invoke tasks their own way (the per-task global-lock model's). */
    ThreadPerTaskRunner(Model model, TaskInvoker invoker) {
        super(model, Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("task-", 0).factory()), invoker);
    }
}
