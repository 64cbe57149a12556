package org.concurrencybench.model;

import java.util.concurrent.Executors;

/**
 * {@link Model#THREAD_PER_TASK}: a new platform thread for every task of every batch, like
 * starting a {@code threading.Thread} per job. Creating, starting and joining the threads is part
 * of what this model costs, so it happens inside the measured batch.
 */
final class ThreadPerTaskRunner extends ExecutorRunner {

    ThreadPerTaskRunner() {
        super(Model.THREAD_PER_TASK, Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("task-", 0).factory()),
                TaskInvoker.DIRECT);
    }
}
