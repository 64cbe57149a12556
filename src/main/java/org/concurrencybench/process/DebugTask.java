package org.concurrencybench.process;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.workload.ExecutionHooks;
import org.concurrencybench.workload.Task;

/**
 * Test-only tasks that make a worker process fail the ways real workers fail: exit mid-task,
 * stop answering, write garbage to its output, run out of memory. They exist so that the
 * pool's robustness (a clear error, a replaced worker, no hang, no orphan) can be tested with
 * real processes instead of being assumed.
 *
 * <p>They are honest about being test hooks: a worker runs them only when it was started with
 * {@code -D}{@value #ENABLE_PROPERTY}{@code =true} (a worker without it answers
 * {@code UNKNOWN_TASK_KIND}), the benchmarks never send them, and {@link #run} refuses to run one
 * inside the parent JVM, where {@code EXIT} would end the benchmark itself.
 *
 * @param action what the worker does
 * @param exitCode the status for {@link Action#EXIT}; ignored otherwise
 */
public record DebugTask(Action action, int exitCode) implements Task {

    /** The system property that lets a worker run debug tasks. */
    public static final String ENABLE_PROPERTY = "concurrencybench.worker.debugTasks";

    /** The failure a debug task causes, with its wire kind. */
    public enum Action {
        /** {@code System.exit(exitCode)} mid-task: the worker dies without answering. */
        EXIT(0x70),
        /** Sleeps forever: the worker stops answering. */
        HANG(0x71),
        /** Writes text that is not a frame to standard output, then keeps running. */
        GARBAGE(0x72),
        /** Allocates until the heap is full: the worker's {@code -XX:+ExitOnOutOfMemoryError} ends it. */
        OUT_OF_MEMORY(0x73);

        final int kind;

        Action(int kind) {
            this.kind = kind;
        }
    }

    public static DebugTask exit(int code) {
        return new DebugTask(Action.EXIT, code);
    }

    public static DebugTask of(Action action) {
        return new DebugTask(action, 0);
    }

    @Override
    public long run(ExecutionHooks hooks) {
        throw new UnsupportedOperationException(action + " is a test-only task for worker processes; "
                + "it is never run inside the parent JVM");
    }

    /**
     * Does the failure inside a worker; returns only for {@link Action#GARBAGE}.
     *
     * @param stdout the worker's real standard output, where frames go
     */
    long runInWorker(OutputStream stdout) throws Exception {
        switch (action) {
            case EXIT -> System.exit(exitCode);
            case HANG -> Thread.sleep(Long.MAX_VALUE);
            case GARBAGE -> {
                stdout.write("this is not a frame\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                stdout.flush();
            }
            case OUT_OF_MEMORY -> {
                List<long[]> hoard = new ArrayList<>();
                while (true) {
                    hoard.add(new long[1 << 20]);
                }
            }
        }
        return 0;
    }

    void encode(DataOutputStream out) throws IOException {
        out.writeByte(action.kind);
        if (action == Action.EXIT) {
            out.writeInt(exitCode);
        }
    }

    /** The debug task of wire kind {@code kind}, or {@code null} if it is none. */
    static DebugTask decode(int kind, DataInputStream in) throws IOException {
        for (Action action : Action.values()) {
            if (action.kind == kind) {
                return new DebugTask(action, action == Action.EXIT ? in.readInt() : 0);
            }
        }
        return null;
    }
}
