package org.concurrencybench.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.workload.CpuTask;
import org.concurrencybench.workload.ExecutionHooks;
import org.concurrencybench.workload.IoTask;
import org.concurrencybench.workload.SleepTask;
import org.junit.jupiter.api.Test;

/** The worker's loop, run in-process on byte streams: answers, error frames, exit statuses. */
class WorkerMainTest {

    private static final long PID = 4242;

    /** What the worker wrote and the status it ended with. */
    record Conversation(List<WireFormat.Frame> frames, int status) {
        WireFormat.Frame answer(int i) {
            return frames.get(i + 1); // frame 0 is READY
        }

        WireFormat.ErrorReply error(int i) throws IOException {
            WireFormat.Frame frame = answer(i);
            assertEquals(WireFormat.TYPE_ERROR, frame.type(), "answer " + i + " should be an ERROR frame");
            return WireFormat.decodeError(frame.payload());
        }

        long[] chunkResults(int i) throws IOException {
            WireFormat.Frame frame = answer(i);
            assertEquals(WireFormat.TYPE_CHUNK_RESULT, frame.type(), "answer " + i + " should be a CHUNK_RESULT frame");
            return ChunkFrames.decodeResults(frame.payload());
        }

        long result(int i) throws IOException {
            WireFormat.Frame frame = answer(i);
            assertEquals(WireFormat.TYPE_RESULT, frame.type(), "answer " + i + " should be a RESULT frame");
            return WireFormat.decodeLong(frame.payload());
        }
    }

    /** Writes frames (type, payload) then raw bytes into the worker's input. */
    static final class Input {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);

        Input frame(int type, byte[] payload) throws IOException {
            WireFormat.writeFrame(out, type, payload);
            return this;
        }

        Input task(Object task) throws IOException {
            return frame(WireFormat.TYPE_TASK, WireFormat.encodeTask((org.concurrencybench.workload.Task) task));
        }

        Input chunk(org.concurrencybench.workload.Task... tasks) throws IOException {
            return frame(WireFormat.TYPE_CHUNK, ChunkFrames.encodeChunk(List.of(tasks)));
        }

        Input raw(byte... raw) throws IOException {
            out.write(raw);
            return this;
        }
    }

    static Conversation converse(Input input, boolean debugTasks) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = WorkerMain.serve(new ByteArrayInputStream(input.bytes.toByteArray()), output, PID, debugTasks);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(output.toByteArray()));
        List<WireFormat.Frame> frames = new ArrayList<>();
        for (WireFormat.Frame f; (f = WireFormat.readFrame(in)) != null; ) {
            frames.add(f);
        }
        assertEquals(WireFormat.TYPE_READY, frames.get(0).type());
        assertEquals(PID, WireFormat.decodeLong(frames.get(0).payload()));
        return new Conversation(frames, status);
    }

    @Test
    void answersEachTaskWithTheChecksumTheTaskComputesInProcess() throws Exception {
        CpuTask cpu = new CpuTask(11, 3);
        SleepTask sleep = new SleepTask(12, 100);
        Conversation c = converse(new Input().task(cpu).task(sleep), false);
        assertEquals(cpu.run(ExecutionHooks.NONE), c.result(0));
        assertEquals(SleepTask.checksum(12), c.result(1));
        assertEquals(0, c.status());
        assertEquals(3, c.frames().size());
    }

    @Test
    void unknownTaskKindGetsAnErrorFrameAndTheWorkerGoesOn() throws Exception {
        Conversation c = converse(new Input()
                .frame(WireFormat.TYPE_TASK, new byte[] {0x5A, 1, 2, 3})
                .task(new SleepTask(1, 0)), false);
        assertEquals(WireFormat.ERROR_UNKNOWN_TASK_KIND, c.error(0).code());
        assertTrue(c.error(0).message().contains("0x5A"), c.error(0).message());
        assertEquals(SleepTask.checksum(1), c.result(1));
        assertEquals(0, c.status());
    }

    @Test
    void debugKindsAreUnknownUnlessEnabled() throws Exception {
        Conversation c = converse(new Input().task(DebugTask.exit(3)), false);
        assertEquals(WireFormat.ERROR_UNKNOWN_TASK_KIND, c.error(0).code());
    }

    @Test
    void taskFieldsCutShortOrLeftOverAreMalformedAndTheWorkerGoesOn() throws Exception {
        byte[] cpu = WireFormat.encodeTask(new CpuTask(5, 1));
        byte[] cutShort = java.util.Arrays.copyOf(cpu, cpu.length - 2);
        byte[] leftOver = java.util.Arrays.copyOf(cpu, cpu.length + 1);
        Conversation c = converse(new Input()
                .frame(WireFormat.TYPE_TASK, cutShort)
                .frame(WireFormat.TYPE_TASK, leftOver)
                .frame(WireFormat.TYPE_RESULT, WireFormat.encodeLong(1))
                .task(new CpuTask(5, 1)), false);
        assertEquals(WireFormat.ERROR_MALFORMED_FRAME, c.error(0).code());
        assertEquals(WireFormat.ERROR_MALFORMED_FRAME, c.error(1).code());
        assertEquals(WireFormat.ERROR_MALFORMED_FRAME, c.error(2).code());
        assertEquals(new CpuTask(5, 1).run(ExecutionHooks.NONE), c.result(3));
    }

    @Test
    void aBadHeaderGetsAnErrorFrameAndEndsTheWorker() throws Exception {
        Conversation c = converse(new Input().raw("hello\n".getBytes()), false);
        assertEquals(WireFormat.ERROR_MALFORMED_FRAME, c.error(0).code());
        assertTrue(c.error(0).message().contains("magic"), c.error(0).message());
        assertEquals(WorkerMain.EXIT_MALFORMED_STREAM, c.status());
    }

    @Test
    void aFrameCutOffByTheEndOfInputIsMalformed() throws Exception {
        byte[] header = {(byte) WireFormat.MAGIC, WireFormat.VERSION, WireFormat.TYPE_TASK, 0, 0, 0, 20, 1};
        Conversation c = converse(new Input().raw(header), false);
        assertEquals(WireFormat.ERROR_MALFORMED_FRAME, c.error(0).code());
        assertEquals(WorkerMain.EXIT_MALFORMED_STREAM, c.status());
    }

    @Test
    void aTaskThatThrowsGetsTaskFailedAndTheWorkerGoesOn() throws Exception {
        InetSocketAddress closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = new InetSocketAddress(s.getInetAddress(), s.getLocalPort());
        }
        Conversation c = converse(new Input().task(new IoTask(1, 1, 8, closedPort)).task(new SleepTask(2, 0)), false);
        assertEquals(WireFormat.ERROR_TASK_FAILED, c.error(0).code());
        assertTrue(c.error(0).message().contains("Connect"), c.error(0).message());
        assertEquals(SleepTask.checksum(2), c.result(1));
    }

    @Test
    void aChunkIsAnsweredWithOneFrameHoldingEveryTasksChecksumInOrder() throws Exception {
        CpuTask first = new CpuTask(11, 3);
        CpuTask third = new CpuTask(13, 2);
        Conversation c = converse(new Input().chunk(first, new SleepTask(12, 100), third).task(new SleepTask(14, 0)),
                false);
        assertArrayEquals(new long[] {first.run(ExecutionHooks.NONE), SleepTask.checksum(12),
                third.run(ExecutionHooks.NONE)}, c.chunkResults(0), "one result per task, each once, in order");
        assertEquals(SleepTask.checksum(14), c.result(1), "one-task frames still work after a chunk");
        assertEquals(3, c.frames().size(), "READY, one answer for the chunk, one for the task");
    }

    @Test
    void aChunksFailingTaskEndsTheChunkWithOneErrorNamingItsPlace() throws Exception {
        InetSocketAddress closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = new InetSocketAddress(s.getInetAddress(), s.getLocalPort());
        }
        byte[] emptyChunk = {0, 0, 0, 0};
        Conversation c = converse(new Input()
                .chunk(new SleepTask(1, 0), new IoTask(2, 1, 8, closedPort), new SleepTask(3, 0))
                .frame(WireFormat.TYPE_CHUNK, emptyChunk)
                .chunk(new SleepTask(4, 0)), false);
        assertEquals(WireFormat.ERROR_TASK_FAILED, c.error(0).code());
        assertTrue(c.error(0).message().startsWith("task 1 of a chunk of 3"), c.error(0).message());
        assertEquals(WireFormat.ERROR_MALFORMED_FRAME, c.error(1).code());
        assertArrayEquals(new long[] {SleepTask.checksum(4)}, c.chunkResults(2));
        assertEquals(4, c.frames().size(), "exactly one answer per chunk");
    }
}
