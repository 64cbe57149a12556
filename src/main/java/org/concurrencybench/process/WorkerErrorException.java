package org.concurrencybench.process;

/**
 * A worker answered a task with an ERROR frame: the task threw inside the worker
 * ({@code TASK_FAILED}, the worker goes on), or the worker could not read what it was sent. The
 * worker's message, usually the task's exception as text, is kept; the exception object itself
 * stayed in the other JVM.
 */
public final class WorkerErrorException extends Exception {

    private final int code;

    WorkerErrorException(long pid, int code, String message) {
        super("worker pid " + pid + " answered " + WireFormat.errorName(code) + ": " + message);
        this.code = code;
    }

    /** The error code, one of {@code WireFormat.ERROR_*}. */
    public int code() {
        return code;
    }
}
