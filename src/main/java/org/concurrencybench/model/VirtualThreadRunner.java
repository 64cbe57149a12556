package org.concurrencybench.model;

import java.util.concurrent.Executors;

/**
 * {@link Model#VIRTUAL_THREADS}: a virtual thread per task, scheduled by the JVM onto as many
 * carrier threads as it sees cores. A blocking sleep or socket call unmounts the virtual thread,
 * so waits overlap without a platform thread each. Thread creation is inside the measured batch.
 */
final class VirtualThreadRunner extends ExecutorRunner {

    VirtualThreadRunner() {
        super(Model.VIRTUAL_THREADS, Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("virtual-", 0).factory()), TaskInvoker.DIRECT);
    }
}
