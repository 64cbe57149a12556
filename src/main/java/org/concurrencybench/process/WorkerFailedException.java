package org.concurrencybench.process;

import java.util.OptionalInt;

/**
 * A worker process failed as a process: it died mid-task (killed, {@code System.exit}, out of
 * memory), stopped answering within the timeout, or wrote something that is not a frame. The
 * message names the worker's pid, its exit code and the tail of its standard error, which is what
 * a person needs to see why. The worker is gone when this is thrown.
 */
public final class WorkerFailedException extends Exception {

    private final long pid;
    private final Integer exitCode;
    private final String stderrTail;

    WorkerFailedException(long pid, Integer exitCode, String stderrTail, String what) {
        super("worker pid " + pid + " " + what + "; exit code "
                + (exitCode == null ? "unknown (still running after being killed)" : exitCode)
                + "; stderr tail: " + (stderrTail.isEmpty() ? "(empty)" : "\n" + stderrTail));
        this.pid = pid;
        this.exitCode = exitCode;
        this.stderrTail = stderrTail;
    }

    public long pid() {
        return pid;
    }

    /** The worker's exit status, if it had ended by the time the error was built. */
    public OptionalInt exitCode() {
        return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }

    public String stderrTail() {
        return stderrTail;
    }
}
