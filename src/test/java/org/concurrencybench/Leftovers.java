package org.concurrencybench;

import java.time.Duration;
import java.util.List;

/**
 * Processes a test started that are still running: those whose command line names a folder of the
 * test's own. A process that is told to stop (killed, its parent gone) ends a moment later, so this
 * waits for the event (the last of them ending) up to a patience, instead of a fixed time tuned to
 * one machine's speed.
 */
public final class Leftovers {

    private Leftovers() {
    }

    /** The processes (pid and command line) naming {@code text}, once none is left or {@code patience} has passed. */
    public static List<String> naming(String text, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<String> running = ProcessHandle.allProcesses()
                    .filter(p -> p.isAlive() && p.info().commandLine().map(c -> c.contains(text)).orElse(false))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
            if (running.isEmpty() || System.nanoTime() > deadline) {
                return running;
            }
            Thread.sleep(50);
        }
    }
}
