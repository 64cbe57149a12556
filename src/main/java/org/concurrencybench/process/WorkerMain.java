package org.concurrencybench.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import org.concurrencybench.process.WireFormat.Frame;
import org.concurrencybench.workload.ExecutionHooks;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.user.UserTaskLoader;

/**
 * The {@code main} of a worker JVM: reads TASK frames ({@link WireFormat}) from standard input,
 * runs each task in turn on its one thread with {@link ExecutionHooks#NONE}, and answers each with
 * a RESULT or ERROR frame on standard output; a CHUNK frame ({@link ChunkFrames}) is run task by
 * task too and answered with one CHUNK_RESULT. Nothing else ever goes to standard output: the
 * worker points {@code System.out} at standard error before anything can print, and the parent
 * starts it with the JVM's own messages sent to standard error too.
 *
 * <p>How it ends, so that no worker outlives the parent:
 * <ul>
 *   <li>standard input closes (the parent closed it, or the parent died and the pipe closed):
 *       exit 0 after the running task;</li>
 *   <li>the parent process exits while a task runs: a watcher halts the worker with status
 *       {@value #EXIT_PARENT_GONE} (a hung task cannot keep it alive);</li>
 *   <li>a frame header it cannot read (bad magic, version or length; the stream ends inside a
 *       frame): it answers with a MALFORMED_FRAME error, since it can no longer find the next
 *       frame, and exits with status {@value #EXIT_MALFORMED_STREAM}.</li>
 * </ul>
 * A well-framed TASK with bad fields or an unknown kind gets an ERROR frame and the worker goes on;
 * a task that throws gets a TASK_FAILED error and the worker goes on.
 */
public final class WorkerMain {

    /** Exit status after a frame header that could not be read (EX_DATAERR). */
    public static final int EXIT_MALFORMED_STREAM = 65;
    /** Exit status when the parent process went away while a task ran. */
    public static final int EXIT_PARENT_GONE = 70;

    /**
     * This process's id, from {@code /proc/self} where there is one: {@code ProcessHandle}'s
     * class starts a thread pool when it loads, which a one-task worker would start for nothing.
     */
    static long ownPid() {
        try {
            return Long.parseLong(java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self")).toString());
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return ProcessHandle.current().pid();
        }
    }

    /** System property: halt when the parent process ends (set for long-lived pool workers). */
    public static final String WATCH_PARENT_PROPERTY = "concurrencybench.worker.watchParent";

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        OutputStream frames = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        if (Boolean.getBoolean(WATCH_PARENT_PROPERTY)) {
            // A long-lived worker may wait in a task when its parent dies: halt then. A one-task
            // worker goes without: its parent closed its input already, so it ends after its one
            // task anyway, and the watcher's classes (a thread pool, futures, lambdas) would add
            // about a fifth to the start-up that PROCESS_PER_TASK measures.
            ProcessHandle.current().parent().ifPresent(parent ->
                    parent.onExit().thenRun(() -> Runtime.getRuntime().halt(EXIT_PARENT_GONE)));
        }
        boolean debugTasks = Boolean.getBoolean(DebugTask.ENABLE_PROPERTY);
        int status = serve(System.in, frames, ownPid(), debugTasks);
        if (status != 0) {
            // halt, not System.exit: exit looks up a System.Logger (to log the call), dozens of
            // classes a one-task worker would load for nothing. Both write the CDS archive.
            Runtime.getRuntime().halt(status);
        }
        if (UserTaskLoader.closeShared()) {
            // A user's class may have started threads that are not daemons (a server's): end here.
            Runtime.getRuntime().halt(0);
        }
        // status 0: main returns; the watcher's threads are daemons and do not keep the JVM up
    }

    /**
     * The worker's loop, on any pair of streams (the tests run it in-process).
     *
     * @param pid        sent in the READY frame
     * @param debugTasks whether {@link DebugTask}s are run
     * @return the exit status: 0 when the input ended cleanly
     */
    public static int serve(InputStream input, OutputStream output, long pid, boolean debugTasks)
            throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(input));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(output));
        WireFormat.writeFrame(out, WireFormat.TYPE_READY, WireFormat.encodeLong(pid));
        while (true) {
            Frame frame;
            try {
                frame = WireFormat.readFrame(in);
            } catch (WireFormat.MalformedFrameException e) {
                System.err.println("worker " + pid + ": " + e.getMessage() + "; exiting");
                WireFormat.writeFrame(out, WireFormat.TYPE_ERROR,
                        WireFormat.encodeError(WireFormat.ERROR_MALFORMED_FRAME, e.getMessage()));
                return EXIT_MALFORMED_STREAM;
            }
            if (frame == null) {
                return 0;
            }
            answer(frame, out, debugTasks);
        }
    }

    /** Runs the task of one frame and writes its answer. */
    private static void answer(Frame frame, DataOutputStream out, boolean debugTasks) throws IOException {
        if (frame.type() == WireFormat.TYPE_CHUNK) {
            answerChunk(frame, out, debugTasks);
            return;
        }
        if (frame.type() != WireFormat.TYPE_TASK) {
            WireFormat.writeFrame(out, WireFormat.TYPE_ERROR, WireFormat.encodeError(WireFormat.ERROR_MALFORMED_FRAME,
                    String.format("a worker only reads TASK and CHUNK frames (types 0x%02X, 0x%02X), got type 0x%02X",
                            WireFormat.TYPE_TASK, WireFormat.TYPE_CHUNK, frame.type())));
            return;
        }
        Task task = decodeOrAnswer(out, () -> WireFormat.decodeTask(frame.payload(), debugTasks));
        if (task == null) {
            return;
        }
        long checksum;
        try {
            checksum = run(task, out);
        } catch (Exception e) {
            WireFormat.writeFrame(out, WireFormat.TYPE_ERROR,
                    WireFormat.encodeError(WireFormat.ERROR_TASK_FAILED, e.toString()));
            return;
        }
        WireFormat.writeFrame(out, WireFormat.TYPE_RESULT, WireFormat.encodeLong(checksum));
    }

    /** A decoding of a frame's payload, which may find an unknown task kind or a malformed payload. */
    @FunctionalInterface
    private interface Decoding<T> {
        T decode() throws IOException;
    }

    /** The decoded payload, or null once the parent has been answered with the ERROR it deserves. */
    private static <T> T decodeOrAnswer(DataOutputStream out, Decoding<T> decoding) throws IOException {
        try {
            return decoding.decode();
        } catch (WireFormat.UnknownTaskKindException e) {
            WireFormat.writeFrame(out, WireFormat.TYPE_ERROR,
                    WireFormat.encodeError(WireFormat.ERROR_UNKNOWN_TASK_KIND, e.getMessage()));
        } catch (WireFormat.MalformedFrameException e) {
            WireFormat.writeFrame(out, WireFormat.TYPE_ERROR,
                    WireFormat.encodeError(WireFormat.ERROR_MALFORMED_FRAME, e.getMessage()));
        }
        return null;
    }

    /** Runs one task here (a debug task may write to the parent's stream itself). */
    private static long run(Task task, DataOutputStream out) throws Exception {
        return task instanceof DebugTask debug ? debug.runInWorker(out) : task.run(ExecutionHooks.NONE);
    }

    /**
     * Runs the tasks of one CHUNK frame in order and answers with all their checksums; the first
     * task that throws ends the chunk with one TASK_FAILED error naming its place in the chunk.
     */
    private static void answerChunk(Frame frame, DataOutputStream out, boolean debugTasks) throws IOException {
        java.util.List<Task> tasks = decodeOrAnswer(out, () -> ChunkFrames.decodeChunk(frame.payload(), debugTasks));
        if (tasks == null) {
            return;
        }
        long[] checksums = new long[tasks.size()];
        for (int i = 0; i < checksums.length; i++) {
            Task task = tasks.get(i);
            try {
                checksums[i] = run(task, out);
            } catch (Exception e) {
                WireFormat.writeFrame(out, WireFormat.TYPE_ERROR, WireFormat.encodeError(WireFormat.ERROR_TASK_FAILED,
                        "task " + i + " of a chunk of " + checksums.length + ": " + e));
                return;
            }
        }
        WireFormat.writeFrame(out, WireFormat.TYPE_CHUNK_RESULT, ChunkFrames.encodeResults(checksums));
    }
}
