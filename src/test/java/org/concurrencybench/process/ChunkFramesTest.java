package org.concurrencybench.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.concurrencybench.workload.CpuTask;
import org.concurrencybench.workload.IoTask;
import org.concurrencybench.workload.MixedTask;
import org.concurrencybench.workload.SleepTask;
import org.concurrencybench.workload.Task;
import org.junit.jupiter.api.Test;

/** CHUNK and CHUNK_RESULT payloads: every task and every checksum travels once, in order; damage is caught. */
class ChunkFramesTest {

    private static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40123);

    @Test
    void aChunkOfEveryKindRoundTripsInOrder() throws Exception {
        List<Task> tasks = List.of(new CpuTask(1, 400), new SleepTask(2, 10_000), new IoTask(3, 20, 256, SERVER),
                new MixedTask(4, 20, 10, 256, SERVER), new CpuTask(5, 0));
        assertEquals(tasks, ChunkFrames.decodeChunk(ChunkFrames.encodeChunk(tasks), false));
        long[] checksums = {Long.MIN_VALUE, -1, 0, 42, Long.MAX_VALUE};
        assertArrayEquals(checksums, ChunkFrames.decodeResults(ChunkFrames.encodeResults(checksums)));
    }

    @Test
    void damagedOrOversizedChunksAreRefused() {
        byte[] chunk = ChunkFrames.encodeChunk(List.of(new CpuTask(1, 2), new CpuTask(2, 2)));
        assertThrows(WireFormat.MalformedFrameException.class,
                () -> ChunkFrames.decodeChunk(Arrays.copyOf(chunk, chunk.length - 3), false));
        assertThrows(WireFormat.MalformedFrameException.class,
                () -> ChunkFrames.decodeChunk(Arrays.copyOf(chunk, chunk.length + 1), false));
        byte[] results = ChunkFrames.encodeResults(new long[] {1, 2});
        assertThrows(WireFormat.MalformedFrameException.class,
                () -> ChunkFrames.decodeResults(Arrays.copyOf(results, results.length - 8)));
        assertThrows(IllegalArgumentException.class, () -> ChunkFrames.encodeChunk(List.of()));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> ChunkFrames.encodeChunk(
                Collections.nCopies(ChunkFrames.MAX_TASKS + 1, new CpuTask(1, 1))));
        assertTrue(tooMany.getMessage().contains("1 to " + ChunkFrames.MAX_TASKS), tooMany.getMessage());
        // The largest chunk of the largest tasks still fits a frame.
        assertTrue(ChunkFrames.encodeChunk(Collections.nCopies(ChunkFrames.MAX_TASKS,
                new MixedTask(1, 2, 3, 4, new InetSocketAddress("::1", 9)))).length <= WireFormat.MAX_PAYLOAD_BYTES);
    }
}
