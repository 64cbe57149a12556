package org.concurrencybench.sweep.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * One child process at a time that the sweep starts and may have to stop from another thread
 * (Ctrl-C's shutdown hook): JMH's host, CPython's companion. One stop protocol for both: once
 * stopped nothing more starts, and the running child and everything it started (forks, workers)
 * are asked to end, then ended by force after a grace.
 */
public final class ChildProcess {

    /** How long a child asked to end has before it is ended by force. */
    private static final long GRACE_SECONDS = 5;

    private Process running; // guarded by this
    private boolean stopped; // guarded by this

    /** Starts {@code builder}'s process as the running child; null once stopped, when nothing starts. */
    public synchronized Process start(ProcessBuilder builder) throws IOException {
        if (stopped) {
            return null;
        }
        running = builder.start();
        return running;
    }

    /** The running child has ended (or been waited for). */
    public synchronized void ended() {
        running = null;
    }

    public synchronized boolean stopped() {
        return stopped;
    }

    /** Stops the running child and all it started; starts no more. */
    public void stop() {
        Process process;
        synchronized (this) {
            stopped = true;
            process = running;
        }
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                kill(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends {@code process} and everything it started at once: for a child that ran too long or cannot be read. */
    public static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
