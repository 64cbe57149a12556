package org.concurrencybench.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.workload.ExecutionHooks;
import org.concurrencybench.workload.Task;

/**
 * The shape shared by the models that hand tasks to an {@link ExecutorService}: submit the whole
 * batch, then wait for every future, then sum. What differs between them is only the executor
 * (a fixed pool, a thread per task, a virtual thread per task) and how a task is invoked on its
 * thread (directly, or holding a global interpreter lock).
 *
 * <p>Every future is waited for even after one has failed, so a failed batch leaves nothing
 * running into the next one; the first failure (in task order) is then thrown. {@code close()}
 * waits until the executor's threads have exited, not only its tasks.
 */
abstract class ExecutorRunner implements ModelRunner {

    /** How a task runs on the executor's thread. */
    @FunctionalInterface
    interface TaskInvoker {
        TaskInvoker DIRECT = task -> task.run(ExecutionHooks.NONE);

        long invoke(Task task) throws Exception;
    }

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Model model;
    private final ExecutorService executor;
    private final TrackedThreadFactory threads;
    private final TaskInvoker invoker;

    /**
     * @param executor an executor whose threads all come from {@code threads}
     */
    ExecutorRunner(Model model, ExecutorService executor, TrackedThreadFactory threads, TaskInvoker invoker) {
        this.model = model;
        this.executor = executor;
        this.threads = threads;
        this.invoker = invoker;
    }

    @Override
    public long runBatch(List<? extends Task> batch) {
        List<Future<Long>> futures = new ArrayList<>(batch.size());
        try {
            for (Task task : batch) {
                futures.add(executor.submit(() -> invoker.invoke(task)));
            }
        } catch (RuntimeException | Error e) {
            // Out of native threads, say: no task may outlive the batch, so stop and wait for those started.
            futures.forEach(f -> f.cancel(true));
            for (Future<Long> started : futures) {
                try {
                    started.get();
                } catch (Exception ignored) {
                    // cancelled or failed: either way it has ended
                }
            }
            throw new BatchFailedException(model + " could not start task " + futures.size() + " of " + batch.size()
                    + ": " + e, e);
        }
        long sum = 0;
        BatchFailedException failure = null;
        for (int i = 0; i < futures.size(); i++) {
            try {
                sum += await(futures.get(i));
            } catch (ExecutionException e) {
                if (failure == null) {
                    Throwable cause = e.getCause();
                    failure = new BatchFailedException(BatchFailedException.describe(model, i, batch.size(), cause), cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return sum;
    }

    /** Waits for the future; an interrupt cancels it, is kept, and fails it as an ExecutionException. */
    private static long await(Future<Long> future) throws ExecutionException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted while waiting for the batch", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    || !threads.awaitAllEnded(CLOSE_TIMEOUT)) {
                throw new IllegalStateException(model + " runner: threads still running " + CLOSE_TIMEOUT + " after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
