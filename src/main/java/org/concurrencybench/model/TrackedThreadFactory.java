package org.concurrencybench.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadFactory;

/**
 * A thread factory that remembers the threads it made, so that a runner's {@code close()} can
 * wait until each has really ended. An executor's {@code awaitTermination} returns once its
 * tasks are done, a moment before its threads have exited; a runner promises more than that.
 * Used by the pools, whose few threads are made outside the measured batches (a thread-per-task
 * runner joins its threads in each batch instead, see {@link ExecutorRunner}). Threads that have
 * ended, say replaced pool workers, are forgotten as new ones are made.
 */
final class TrackedThreadFactory implements ThreadFactory, ForkJoinPool.ForkJoinWorkerThreadFactory {

    private static final int PRUNE_EVERY = 1024;

    private final ThreadFactory delegate;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private int made;

    TrackedThreadFactory(ThreadFactory delegate) {
        this.delegate = delegate;
    }

    /** A factory for fork/join workers. */
    static TrackedThreadFactory forForkJoin() {
        return new TrackedThreadFactory(null);
    }

    @Override
    public Thread newThread(Runnable task) {
        return remember(delegate.newThread(task));
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        worker.setName("fork-join-" + worker.getPoolIndex());
        return remember(worker);
    }

    private synchronized <T extends Thread> T remember(T thread) {
        if (++made % PRUNE_EVERY == 0) {
            threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
        }
        threads.add(thread);
        return thread;
    }

    /** Waits until every thread made has ended; false if one is still alive at the deadline. */
    boolean awaitAllEnded(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (Thread thread : threads) {
            if (thread.getState() == Thread.State.NEW) {
                continue; // made but never started (its start failed): nothing to wait for
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0 || !thread.join(Duration.ofMillis(left))) {
                return false;
            }
        }
        threads.clear();
        return true;
    }
}
