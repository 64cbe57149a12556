package org.concurrencybench.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A running sweep's shutdown hook (Ctrl-C, SIGTERM): stops the child processes, lets the sweep's
 * loop leave without starting anything more or finishing a partial round, then says what was
 * kept and how to finish, or, stopped before its first measurement, that there is nothing to
 * resume. Once the sweep is settled (finished, or failed with an error) it has nothing to say.
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
        console.println();
        console.println(said(runDir, finished));
        console.flush();
    }

    /**
     * What an interrupted sweep says, once its loop has left: how to go on, or, where it stopped
     * before it wrote anything {@code --resume} could use, that there is nothing to resume (a run
     * folder holding nothing but an empty {@code logs/} is removed; anything else is kept).
     */
    static String said(Path runDir, List<Integer> finished) {
        if (!Files.exists(runDir, LinkOption.NOFOLLOW_LINKS)) {
            return "Interrupted before the first measurement; nothing was written.";
        }
        if (removeIfOnlyEmptyLogs(runDir)) {
            return "Interrupted before the first measurement; nothing to resume: removed " + runDir;
        }
        return "Interrupted. Kept " + kept(finished) + " in " + runDir + ".\n"
                + "Go on at the next round with: ./run-benchmarks.sh --resume " + runDir;
    }

    /**
     * Removes {@code runDir} if it holds only an empty {@code logs/} folder; false, touching
     * nothing, otherwise. Deleting a folder fails unless it is empty, so a file written meanwhile
     * is never lost.
     */
    private static boolean removeIfOnlyEmptyLogs(Path runDir) {
        try {
            if (!Files.isDirectory(runDir, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Path logs = new org.concurrencybench.results.RunFolder(runDir).logsDir();
            try (Stream<Path> entries = Files.list(runDir)) {
                if (!entries.toList().equals(List.of(logs)) || !Files.isDirectory(logs, LinkOption.NOFOLLOW_LINKS)) {
                    return false;
                }
            }
            Files.delete(logs);
            Files.delete(runDir);
            return true;
        } catch (IOException e) {
            return false; // something else is in it, or it cannot be removed: keep it
        }
    }
}
