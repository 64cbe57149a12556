package org.concurrencybench.model;

import java.time.Duration;

/**
 * A lower bound on how long one batch of waiting tasks (sleeps, or I/O whose time is mostly a
 * wait) must take under a model, from how many tasks run at once. The capacity sweep uses it to
 * skip a size whose batch could not finish within its limit (a pool of 2 threads draining 100,000
 * sleeps of 10 ms needs over 8 minutes) and to record the predicted time instead of running it.
 *
 * <p>It counts only the waits and, for a process per task, the JVM start-ups; thread creation,
 * scheduling and I/O costs come on top, which is why it is a lower bound and safe for skipping:
 * a size it predicts over the limit is certainly over it.
 *
 * @param processStart CPU time to start one worker JVM, a deliberately low estimate (a bare
 *                     {@code java} start is some tens of ms of CPU)
 */
public record BatchTimePredictor(Duration processStart) {

    /** The predictor with a 40 ms JVM start-up estimate. */
    public static final BatchTimePredictor DEFAULT = new BatchTimePredictor(Duration.ofMillis(40));

    public BatchTimePredictor {
        if (processStart.isNegative()) {
            throw new IllegalArgumentException("process start-up estimate must be >= 0, got " + processStart);
        }
    }

    /**
     * The least wall time for a batch of {@code tasks} tasks that each wait {@code waitPerTask}.
     *
     * @param parallelism the models' pool size as passed to them (0 = {@code cores})
     * @param cores       the cores the JVM sees in that run
     */
    public Duration lowerBound(Model model, int tasks, Duration waitPerTask, int parallelism, int cores) {
        if (tasks < 0 || parallelism < 0 || cores < 1) {
            throw new IllegalArgumentException("need tasks >= 0, parallelism >= 0, cores >= 1; got "
                    + tasks + ", " + parallelism + ", " + cores);
        }
        if (tasks == 0) {
            return Duration.ZERO;
        }
        int poolSize = parallelism == 0 ? cores : parallelism;
        return switch (model) {
            // One task at a time: every wait in turn.
            case SEQUENTIAL -> waitPerTask.multipliedBy(tasks);
            // poolSize waits at a time (a sleeping or reading thread under the GIL has released it).
            case FIXED_POOL, FORK_JOIN, GLOBAL_LOCK, PROCESS_POOL -> waitPerTask.multipliedBy(rounds(tasks, poolSize));
            // Every wait at once.
            case THREAD_PER_TASK, VIRTUAL_THREADS, EVENT_LOOP, GLOBAL_LOCK_PER_TASK -> waitPerTask;
            // poolSize children at a time, each living for its JVM's start and then its wait.
            case PROCESS_PER_TASK -> processStart.plus(waitPerTask).multipliedBy(rounds(tasks, poolSize));
        };
    }

    /** {@link #lowerBound} with {@link #DEFAULT}'s estimates. */
    public static Duration predict(Model model, int tasks, Duration waitPerTask, int parallelism, int cores) {
        return DEFAULT.lowerBound(model, tasks, waitPerTask, parallelism, cores);
    }

    /** How many rounds {@code width} at a time need for {@code tasks}: ceil(tasks / width). */
    private static long rounds(int tasks, int width) {
        return (tasks + (long) width - 1) / width;
    }
}
