package org.concurrencybench.model;

import java.util.List;
import org.concurrencybench.workload.Task;

/**
 * One concurrency model: runs a batch of tasks its own way and waits for all of them.
 *
 * <p>A runner is built once (a pool's threads, a worker process's JVM are started then) and used
 * for many batches; {@link #close()} ends everything it started, so no thread or process of it
 * outlives the runner.
 */
public interface ModelRunner extends AutoCloseable {

    /**
     * Runs every task of {@code batch}, waits until all have finished, and returns the sum of
     * their checksums (the same for every model).
     *
     * @throws BatchFailedException if a task threw; it is the cause. No task of the batch is still
     *                              running by then (concurrent models let the others finish,
     *                              sequential code stops at the failure), and the runner can run
     *                              the next batch.
     */
    long runBatch(List<? extends Task> batch);

    /** Ends the runner's threads or processes and waits for them. Idempotent. */
    @Override
    void close();
}
