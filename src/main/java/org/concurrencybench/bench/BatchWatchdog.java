package org.concurrencybench.bench;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The per-batch timeout of a user's task: a batch that has not finished after
 * {@value #DEFAULT_TIMEOUT_SECONDS} s (or {@code -D}{@value #TIMEOUT_PROPERTY}, which the sweep's
 * {@code --task-timeout} sets) stops the JMH fork with one line that names the task, the model and
 * the limit. A hung task may ignore interrupts and hold a pool's threads for ever, so only ending
 * the JVM frees them; the sweep reads the line as the cell's reason and runs the other cells.
 *
 * <p>Cost inside the measured batch: two volatile writes; a daemon thread looks at the deadline
 * every {@value #POLL_MILLIS} ms.
 */
final class BatchWatchdog implements AutoCloseable {

    /** System property: seconds one batch of a user's task may take. */
    static final String TIMEOUT_PROPERTY = BenchmarkDefaults.TASK_TIMEOUT_PROPERTY;
    /** Generous: a default batch of 64 tasks of a few milliseconds takes well under a second. */
    static final long DEFAULT_TIMEOUT_SECONDS = BenchmarkDefaults.TASK_TIMEOUT_SECONDS;
    /** The start of the line the sweep looks for in a fork's output. */
    static final String MARKER = BenchmarkDefaults.FAILURE_MARKER;
    /** The fork's exit status after a timeout (EX_SOFTWARE). */
    static final int EXIT_TIMEOUT = 70;
    private static final long POLL_MILLIS = 200;

    private final Duration limit;
    private final String what;
    private final Consumer<String> onTimeout;
    private final Thread thread;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile boolean closed;

    /** A watchdog that stops the JVM at a timeout, as the benchmarks need. */
    BatchWatchdog(Duration limit, String what) {
        this(limit, what, BatchWatchdog::stopTheFork);
    }

    /** A watchdog that hands the timeout's line to {@code onTimeout} (tests: instead of stopping the JVM). */
    BatchWatchdog(Duration limit, String what, Consumer<String> onTimeout) {
        this.limit = limit;
        this.what = what;
        this.onTimeout = onTimeout;
        this.thread = Thread.ofPlatform().daemon().name("batch-watchdog").unstarted(this::watch);
        thread.start();
    }

    /** The limit from {@value #TIMEOUT_PROPERTY}, or the default. */
    static Duration configuredLimit() {
        return Duration.ofSeconds(Long.getLong(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT_SECONDS));
    }

    /** Runs one batch under the deadline. */
    long run(LongSupplier batch) {
        deadlineNanos = System.nanoTime() + limit.toNanos();
        try {
            return batch.getAsLong();
        } finally {
            deadlineNanos = Long.MAX_VALUE;
        }
    }

    private void watch() {
        while (!closed) {
            if (System.nanoTime() - deadlineNanos > 0) {
                deadlineNanos = Long.MAX_VALUE;
                onTimeout.accept(MARKER + what + ": a batch did not finish within " + limit.toMillis() / 1000.0
                        + " s (the per-batch timeout, --task-timeout); the fork is stopped");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Says why on both streams (JMH shows a failed fork's last lines of each), then ends the fork and its workers. */
    private static void stopTheFork(String line) {
        System.out.println(line);
        System.err.println(line);
        System.out.flush();
        System.err.flush();
        // Worker processes of the hung batch would outlive the fork (a one-task worker does not
        // watch its parent): end them first.
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(EXIT_TIMEOUT);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
