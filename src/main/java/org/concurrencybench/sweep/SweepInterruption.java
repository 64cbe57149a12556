package org.concurrencybench.sweep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A running sweep's shutdown hook (Ctrl-C, SIGTERM): stops the child processes, lets the sweep's
 * loop leave without starting anything more or finishing a partial round, then says what was
 * kept and how to finish. Once the sweep is settled (finished, or failed with an error) it has
 * nothing to say.
 */
final class SweepInterruption {

    /** How long the hook waits for the sweep's loop to leave. */
    private static final long LOOP_EXIT_SECONDS = 10;

    private final PrintStream console;
    private final Path runDir;
    private final List<Integer> finished;
    private final List<Runnable> stops;
    private final CountDownLatch loopExited = new CountDownLatch(1);
    private final Thread hook = new Thread(this::interrupted, "sweep-interrupt");
    private volatile boolean stopping;
    private volatile boolean settled;

    /**
     * @param finished the rounds finished so far, as the sweep adds them
     * @param stops    what stops each child process the sweep may be running
     */
    SweepInterruption(PrintStream console, Path runDir, List<Integer> finished, List<Runnable> stops) {
        this.console = console;
        this.runDir = runDir;
        this.finished = finished;
        this.stops = stops;
    }

    /** What a stopped sweep keeps: its finished rounds (a round cut short is measured again). */
    static String kept(List<Integer> rounds) {
        return rounds.isEmpty() ? "no finished round" : rounds.size() == 1 ? "round " + rounds.get(0)
                : "rounds " + rounds.get(0) + "-" + rounds.get(rounds.size() - 1);
    }

    void install() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether the sweep is being interrupted: its loop leaves at the next step. */
    boolean stopping() {
        return stopping;
    }

    /** The sweep finished, or fails with an error on its way out: not an interruption. */
    void settle() {
        settled = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; the hook sees the sweep as settled
        }
    }

    /** The sweep's loop has left, whichever way. */
    void loopExited() {
        loopExited.countDown();
    }

    private void interrupted() {
        if (settled) {
            return;
        }
        stopping = true;
        stops.forEach(Runnable::run);
        try {
            loopExited.await(LOOP_EXIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        console.printf("%nInterrupted. Kept %s in %s.%n", kept(finished), runDir);
        console.printf("Go on at the next round with: ./run-benchmarks.sh --resume %s%n", runDir);
        console.flush();
    }
}
