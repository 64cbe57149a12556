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
 *
 * <p>A runner with a thread per task joins each task's thread before its batch returns, as
 * Python's {@code for t in threads: t.join()} does: so a batch ends when its threads have, and
 * no bookkeeping runs per thread (the threads are noted in one reused array, not a set). A pool's
 * few threads are tracked by their {@link TrackedThreadFactory}, outside the measured batches.
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
    /** Each task's thread, by task index, for a runner with a thread per task; null for a pool. Reused. */
    private Thread[] taskThreads;

    /**
     * A pool: its threads all come from {@code threads}, which close() waits for.
     */
    ExecutorRunner(Model model, ExecutorService executor, TrackedThreadFactory threads, TaskInvoker invoker) {
        this.model = model;
        this.executor = executor;
        this.threads = threads;
        this.invoker = invoker;
    }

    /** A thread per task: every batch joins its tasks' threads before it returns. */
    ExecutorRunner(Model model, ExecutorService threadPerTaskExecutor, TaskInvoker invoker) {
        this(model, threadPerTaskExecutor, null, invoker);
        this.taskThreads = new Thread[0];
    }

    @Override
    public long runBatch(List<? extends Task> batch) {
        List<Future<Long>> futures = new ArrayList<>(batch.size());
        Thread[] noted = noteThreadsFor(batch.size());
        try {
            for (Task task : batch) {
                if (noted == null) {
                    futures.add(executor.submit(() -> invoker.invoke(task)));
                } else {
                    int index = futures.size();
                    futures.add(executor.submit(() -> {
                        noted[index] = Thread.currentThread(); // seen by the caller through Future.get
                        return invoker.invoke(task);
                    }));
                }
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
            joinTaskThreads(noted, futures.size());
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
        joinTaskThreads(noted, futures.size());
        if (failure != null) {
            throw failure;
        }
        return sum;
    }

    /** The reused array that notes a batch's task threads (a thread-per-task runner), or null (a pool). */
    private Thread[] noteThreadsFor(int tasks) {
        if (taskThreads == null) {
            return null;
        }
        if (taskThreads.length < tasks) {
            taskThreads = new Thread[tasks];
        }
        return taskThreads;
    }

    /** Joins the noted threads of the first {@code count} tasks, and forgets them. */
    private void joinTaskThreads(Thread[] noted, int count) {
        if (noted == null) {
            return;
        }
        boolean interrupted = false;
        for (int i = 0; i < count; i++) {
            Thread thread = noted[i];
            noted[i] = null;
            while (thread != null) {
                try {
                    thread.join();
                    thread = null;
                } catch (InterruptedException e) {
                    interrupted = true; // the batch must not return with its threads alive; keep the interrupt
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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
                    || (threads != null && !threads.awaitAllEnded(CLOSE_TIMEOUT))) {
                throw new IllegalStateException(model + " runner: threads still running " + CLOSE_TIMEOUT + " after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
