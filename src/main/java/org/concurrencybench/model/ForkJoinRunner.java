package org.concurrencybench.model;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.workload.ExecutionHooks;
import org.concurrencybench.workload.Task;

/**
 * {@link Model#FORK_JOIN}: the batch split in halves recursively on the runner's own
 * {@code ForkJoinPool(parallelism)}, each worker stealing the halves the others forked.
 *
 * <p>Its own pool, not {@code ForkJoinPool.commonPool()}: a batch submitted to the common pool
 * from outside it gets {@code cores - 1} workers, no speedup at 2 cores. The pool's maximum size
 * is {@code parallelism} too, so a blocked join never adds a compensating thread: the model never
 * runs more than {@code parallelism} workers.
 */
final class ForkJoinRunner implements ModelRunner {

    private final ForkJoinPool pool;
    private final TrackedThreadFactory threads = TrackedThreadFactory.forForkJoin();

    ForkJoinRunner(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("pool size must be >= 1, got " + parallelism);
        }
        this.pool = new ForkJoinPool(parallelism, threads, null,
                false, parallelism, parallelism, 1, p -> true, 60, TimeUnit.SECONDS);
    }

    @Override
    public long runBatch(List<? extends Task> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            return pool.invoke(new Split(batch, 0, batch.size()));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TaskFailure failure) {
                    Throwable cause = failure.getCause();
                    throw new BatchFailedException(
                            BatchFailedException.describe(Model.FORK_JOIN, failure.index, batch.size(), cause), cause);
                }
            }
            throw e;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
            threads.awaitAllEnded(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sums the checksums of {@code batch[from..to)}: runs one task, or forks one half and computes the other. */
    private static final class Split extends RecursiveTask<Long> {
        private final List<? extends Task> batch;
        private final int from;
        private final int to;

        Split(List<? extends Task> batch, int from, int to) {
            this.batch = batch;
            this.from = from;
            this.to = to;
        }

        @Override
        protected Long compute() {
            if (to - from == 1) {
                try {
                    return batch.get(from).run(ExecutionHooks.NONE);
                } catch (Exception e) {
                    throw new TaskFailure(from, e);
                }
            }
            int mid = (from + to) >>> 1;
            Split left = new Split(batch, from, mid);
            left.fork();
            long right;
            try {
                right = new Split(batch, mid, to).compute();
            } catch (RuntimeException e) {
                left.quietlyJoin(); // a failed half still waits for the other: nothing outlives the batch
                throw e;
            }
            return left.join() + right;
        }
    }

    /** Carries a task's exception and index out of the pool. */
    private static final class TaskFailure extends RuntimeException {
        final int index;

        TaskFailure(int index, Throwable cause) {
            super(cause);
            this.index = index;
        }
    }
}
