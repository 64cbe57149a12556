package org.concurrencybench.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.process.WireFormat.Frame;
import org.concurrencybench.workload.Task;

/**
 * The parent's handle on one worker JVM: start it, send it tasks, read its answers with a
 * timeout, end it. One thread at a time talks to a worker (it runs one task at a time).
 *
 * <p>Two daemon threads per worker read its pipes: one turns standard output into frames on a
 * queue (so that waiting for an answer can time out, which a blocking pipe read cannot), one keeps
 * the tail of standard error ({@link StderrTail}). Every failure of the worker as a process (it
 * died, hung, or wrote garbage) is turned into a {@link WorkerFailedException} that names its pid,
 * exit code and stderr tail, and leaves the process ended: a failed worker is never reused.
 */
public final class WorkerProcess implements AutoCloseable {

    /** How long a worker is given to exit after its input closed, before it is killed. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);
    private static final int STDERR_TAIL_BYTES = 4096;
    /** Bytes of a garbled output shown in the error. */
    private static final int GARBAGE_PREVIEW_BYTES = 80;

    /** What the stdout reader saw when the output ended; {@code error} is null for a clean end. */
    private record EndOfOutput(IOException error, String preview) {
    }

    private final Process process;
    private final long pid;
    private final Duration answerTimeout;
    private final DataOutputStream toWorker;
    private final BlockingQueue<Object> fromWorker = new LinkedBlockingQueue<>();
    private final StderrTail stderrTail = new StderrTail(STDERR_TAIL_BYTES);
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private volatile boolean failed;

    private WorkerProcess(Process process, Duration answerTimeout) {
        this.process = process;
        this.pid = process.pid();
        this.answerTimeout = answerTimeout;
        this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.stderrReader = StderrTail.drain(process.getErrorStream(), stderrTail, "worker-" + pid + "-stderr");
        this.stdoutReader = Thread.ofPlatform().daemon().name("worker-" + pid + "-stdout").start(this::readFrames);
    }

    /**
     * Starts a worker process; it has not said READY yet (see {@link #awaitReady()}).
     *
     * @param command       the full command line, from {@link WorkerLauncher#command()}
     * @param answerTimeout how long any one answer (READY, a task's result) may take
     */
    public static WorkerProcess start(List<String> command, Duration answerTimeout) throws IOException {
        return new WorkerProcess(new ProcessBuilder(command).start(), answerTimeout);
    }

    public long pid() {
        return pid;
    }

    /** Whether the process runs and has not failed; a worker that is not usable is replaced. */
    public boolean isUsable() {
        return !failed && process.isAlive();
    }

    /** Waits for the worker's READY frame: its JVM is up and reading tasks. */
    public void awaitReady() throws WorkerFailedException, InterruptedException {
        Frame frame = nextFrame("starting up");
        if (frame.type() != WireFormat.TYPE_READY) {
            throw failure(true, "sent frame type " + frame.type() + " instead of READY");
        }
    }

    /** Sends one task and waits for its answer. */
    public long run(Task task) throws WorkerFailedException, WorkerErrorException, InterruptedException {
        send(task);
        return awaitResult();
    }

    /** Sends one task without waiting. */
    public void send(Task task) throws WorkerFailedException {
        byte[] payload = WireFormat.encodeTask(task);
        try {
            WireFormat.writeFrame(toWorker, WireFormat.TYPE_TASK, payload);
        } catch (IOException e) {
            throw failure(false, "could not be sent a task (" + e.getMessage() + ")");
        }
    }

    /**
     * Waits for the answer to the task sent last.
     *
     * @throws WorkerErrorException  the worker answered with an ERROR frame (it is still usable)
     * @throws WorkerFailedException the worker died, hung or garbled its output (it is ended)
     */
    public long awaitResult() throws WorkerFailedException, WorkerErrorException, InterruptedException {
        return answer(nextFrame("running a task"), WireFormat.TYPE_RESULT, "RESULT", WireFormat::decodeLong);
    }

    /** How the payload of an expected answer frame is read. */
    @FunctionalInterface
    private interface AnswerDecoder<T> {
        T decode(byte[] payload) throws WireFormat.MalformedFrameException;
    }

    /**
     * The worker's answer: the decoded payload of a frame of type {@code expected}; an ERROR frame
     * is the task's failure (the worker stays usable); anything else, or an unreadable payload,
     * breaks the protocol and ends the worker.
     */
    private <T> T answer(Frame frame, int expected, String expectedName, AnswerDecoder<T> decoder)
            throws WorkerFailedException, WorkerErrorException {
        try {
            if (frame.type() == WireFormat.TYPE_ERROR) {
                WireFormat.ErrorReply error = WireFormat.decodeError(frame.payload());
                throw new WorkerErrorException(pid, error.code(), error.message());
            }
            if (frame.type() != expected) {
                throw new WireFormat.MalformedFrameException("frame type " + frame.type() + " where a "
                        + expectedName + " or ERROR was due");
            }
            return decoder.decode(frame.payload());
        } catch (WireFormat.MalformedFrameException e) {
            throw failure(true, "wrote an unreadable answer: " + e.getMessage());
        }
    }

    /**
     * Sends a chunk of tasks as one CHUNK frame and waits for its one answer: every task's
     * checksum, in the chunk's order (one per task, or the worker broke the protocol).
     *
     * @throws WorkerErrorException  a task of the chunk threw (or the chunk was unreadable); the worker is still usable
     * @throws WorkerFailedException the worker died, hung or garbled its output (it is ended)
     */
    public long[] runChunk(List<? extends Task> tasks)
            throws WorkerFailedException, WorkerErrorException, InterruptedException {
        byte[] payload = ChunkFrames.encodeChunk(tasks);
        try {
            WireFormat.writeFrame(toWorker, WireFormat.TYPE_CHUNK, payload);
        } catch (IOException e) {
            throw failure(false, "could not be sent a chunk (" + e.getMessage() + ")");
        }
        long[] checksums = answer(nextFrame("running a chunk of " + tasks.size() + " tasks"),
                WireFormat.TYPE_CHUNK_RESULT, "CHUNK_RESULT", ChunkFrames::decodeResults);
        if (checksums.length != tasks.size()) {
            throw failure(true, "wrote an unreadable answer: " + checksums.length + " results for a chunk of "
                    + tasks.size() + " tasks");
        }
        return checksums;
    }

    /** Closes the worker's input: it finishes its task, if any, then exits. */
    public void closeInput() {
        try {
            toWorker.close();
        } catch (IOException e) {
            // the worker is gone already; its exit says why
        }
    }

    /** Waits for the worker to exit, up to the answer timeout, and returns its status. */
    public int awaitExit() throws WorkerFailedException, InterruptedException {
        if (!process.waitFor(answerTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw failure(true, "did not exit within " + answerTimeout + " after its input closed");
        }
        return process.exitValue();
    }

    /** The exit status, if the worker has ended. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Closes the worker's input, gives it a moment to exit, then kills it if need be, and waits. */
    @Override
    public void close() {
        closeInput();
        try {
            if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the worker at once (SIGKILL on Unix) and waits for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Frame nextFrame(String doing) throws WorkerFailedException, InterruptedException {
        Object next;
        try {
            next = fromWorker.poll(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            failed = true;
            kill();
            throw e;
        }
        if (next == null) {
            throw failure(true, "did not answer within " + answerTimeout + " while " + doing);
        }
        if (next instanceof EndOfOutput end) {
            if (end.error() == null) {
                throw failure(false, "died while " + doing + " (its output ended)");
            }
            throw failure(true, "broke the protocol while " + doing + ": " + end.error().getMessage()
                    + "; its output from there: " + end.preview());
        }
        return (Frame) next;
    }

    /** Marks the worker failed, ends it, and describes it: pid, exit code, stderr tail. */
    private WorkerFailedException failure(boolean killNow, String what) {
        failed = true;
        try {
            if (killNow || !process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
            stderrReader.join(EXIT_GRACE);
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        Integer exitCode = process.isAlive() ? null : process.exitValue();
        return new WorkerFailedException(pid, exitCode, stderrTail.text(), what);
    }

    /** The stdout reader thread: frames onto the queue until the output ends or stops being frames. */
    private void readFrames() {
        BufferedInputStream buffered = new BufferedInputStream(process.getInputStream());
        DataInputStream in = new DataInputStream(buffered);
        try (in) {
            while (true) {
                buffered.mark(GARBAGE_PREVIEW_BYTES);
                Frame frame;
                try {
                    frame = WireFormat.readFrame(in);
                } catch (WireFormat.MalformedFrameException e) {
                    fromWorker.add(new EndOfOutput(e, preview(buffered)));
                    return;
                }
                if (frame == null) {
                    fromWorker.add(new EndOfOutput(null, ""));
                    return;
                }
                fromWorker.add(frame);
            }
        } catch (IOException e) {
            // The pipe broke: the process was destroyed. Report it as the end of the output.
            fromWorker.add(new EndOfOutput(null, ""));
        }
    }

    /** The bytes from the last frame boundary, as escaped text, as far as they are already there. */
    private static String preview(BufferedInputStream buffered) {
        try {
            buffered.reset();
            byte[] bytes = new byte[Math.min(GARBAGE_PREVIEW_BYTES, buffered.available())];
            int n = buffered.read(bytes);
            StringBuilder text = new StringBuilder("\"");
            for (int i = 0; i < Math.max(n, 0); i++) {
                int b = bytes[i] & 0xFF;
                if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
                    text.append((char) b);
                } else {
                    text.append(String.format("\\x%02X", b));
                }
            }
            return text.append('"').toString();
        } catch (IOException e) {
            return "(not available)";
        }
    }
}
