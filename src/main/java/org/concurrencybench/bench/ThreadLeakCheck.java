package org.concurrencybench.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Whether a user's task left threads running: the live threads at the start of a trial, compared
 * with those still alive once its fixture is closed. A task whose {@code run} starts threads it
 * never stops is measured among its own leftovers, which share the CPUs with every later batch;
 * the fork says so in one line ({@link #WARNING_MARKER}) that the sweep shows as the cell's note.
 *
 * <p>Not counted: threads the JDK runs for itself (its {@code jdk.internal} threads, such as a
 * process's reaper or a virtual thread's carrier, and the common pool's idle workers), which end on
 * their own. A thread that is ending is given {@link #GRACE} to end.
 */
final class ThreadLeakCheck {

    /** The start of the line the sweep looks for in a fork's output. */
    static final String WARNING_MARKER = BenchmarkDefaults.WARNING_MARKER;
    /** How long threads still ending (a pool shut down a moment ago) get before they count. */
    static final Duration GRACE = Duration.ofSeconds(1);
    /** How many leftover threads the line names. */
    private static final int NAMED = 3;

    private final Set<Thread> before;

    private ThreadLeakCheck(Set<Thread> before) {
        this.before = before;
    }

    /** The live threads now: those a later {@link #leftOver} does not count. */
    static ThreadLeakCheck start() {
        return new ThreadLeakCheck(Set.copyOf(Thread.getAllStackTraces().keySet()));
    }

    /** The threads started since {@link #start} that are still alive after {@link #GRACE}, by name. */
    List<Thread> leftOver() throws InterruptedException {
        long deadline = System.nanoTime() + GRACE.toNanos();
        List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t != Thread.currentThread() && !ofTheJdk(t)).toList();
        for (Thread thread : started) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(Duration.ofNanos(left));
            }
        }
        return started.stream().filter(Thread::isAlive).sorted(Comparator.comparing(Thread::getName)).toList();
    }

    /** The line that says {@code what} (the task under its model) left {@code threads}; null when it left none. */
    static String warning(String what, List<Thread> threads) {
        if (threads.isEmpty()) {
            return null;
        }
        List<String> names = threads.stream().limit(NAMED).map(t -> "'" + t.getName() + "'").toList();
        return WARNING_MARKER + what + " left " + threads.size() + (threads.size() == 1 ? " thread" : " threads")
                + " running after its trial (" + String.join(", ", names) + (threads.size() > NAMED ? ", ..." : "")
                + "); they may have taken CPU time beside the measured batches: a task should stop the threads it starts";
    }

    private static boolean ofTheJdk(Thread thread) {
        return thread.getClass().getName().startsWith("jdk.internal.")
                || thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool();
    }
}
