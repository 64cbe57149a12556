package org.concurrencybench.process;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.workload.Task;

/**
 * The payloads of the two frames that carry a chunk of tasks, the way
 * {@code multiprocessing.Pool.map} sends its work: several tasks in one message to a worker, one
 * message back with every task's result. Kept beside {@link WireFormat}, which frames them and
 * lists them in its table:
 *
 * <pre>
 * type CHUNK         0x05  parent → worker   count:s32 (1..{@value #MAX_TASKS}),
 *                                            then count × (length:s32, a TASK payload[length])
 * type CHUNK_RESULT  0x06  worker → parent   count:s32, then count × checksum:s64,
 *                          answer to one     one per task, in the chunk's order
 *                          CHUNK
 * </pre>
 *
 * A chunk is answered with exactly one CHUNK_RESULT, or one ERROR: TASK_FAILED when a task threw
 * (the worker runs no further task of that chunk, as {@code Pool.map}'s {@code mapstar} stops
 * at the first exception; the message names the task's place in the chunk), MALFORMED_FRAME or
 * UNKNOWN_TASK_KIND when a task in it could not be read (then none of it runs).
 */
public final class ChunkFrames {

    /** The most tasks in one chunk: a chunk of the suite's largest tasks stays far under the frame limit. */
    public static final int MAX_TASKS = 10_000;

    private ChunkFrames() {
    }

    /** The payload of a CHUNK frame. */
    public static byte[] encodeChunk(List<? extends Task> tasks) {
        if (tasks.isEmpty() || tasks.size() > MAX_TASKS) {
            throw new IllegalArgumentException("a chunk holds 1 to " + MAX_TASKS + " tasks, not " + tasks.size());
        }
        List<byte[]> encoded = tasks.stream().map(WireFormat::encodeTask).toList();
        byte[] payload = WireFormat.payload(out -> {
            out.writeInt(encoded.size());
            for (byte[] task : encoded) {
                out.writeInt(task.length);
                out.write(task);
            }
        });
        if (payload.length > WireFormat.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("a chunk of " + tasks.size() + " tasks is " + payload.length
                    + " bytes, over the frame limit of " + WireFormat.MAX_PAYLOAD_BYTES + "; use a smaller chunksize");
        }
        return payload;
    }

    /**
     * Decodes a CHUNK frame's payload into its tasks, in order.
     *
     * @throws WireFormat.UnknownTaskKindException for a task of a kind this worker does not run
     * @throws WireFormat.MalformedFrameException  if the count, a length or a task's fields are wrong
     */
    public static List<Task> decodeChunk(byte[] payload, boolean debugTasks) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        try {
            int count = in.readInt();
            if (count < 1 || count > MAX_TASKS) {
                throw new WireFormat.MalformedFrameException("a chunk holds 1 to " + MAX_TASKS + " tasks, not " + count);
            }
            List<Task> tasks = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int length = in.readInt();
                if (length < 1 || length > in.available()) {
                    throw new WireFormat.MalformedFrameException("task " + i + " of the chunk claims " + length
                            + " bytes; " + in.available() + " are left");
                }
                byte[] task = new byte[length];
                in.readFully(task);
                tasks.add(WireFormat.decodeTask(task, debugTasks));
            }
            if (in.available() > 0) {
                throw new WireFormat.MalformedFrameException(in.available() + " bytes left over after a chunk of "
                        + count + " tasks");
            }
            return tasks;
        } catch (EOFException e) {
            throw new WireFormat.MalformedFrameException("chunk payload of " + payload.length + " bytes is cut short");
        }
    }

    /** The payload of a CHUNK_RESULT frame: every task's checksum, in the chunk's order. */
    public static byte[] encodeResults(long[] checksums) {
        return WireFormat.payload(out -> {
            out.writeInt(checksums.length);
            for (long checksum : checksums) {
                out.writeLong(checksum);
            }
        });
    }

    /** Decodes a CHUNK_RESULT frame's payload. */
    public static long[] decodeResults(byte[] payload) throws WireFormat.MalformedFrameException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        try {
            int count = in.readInt();
            if (count < 0 || payload.length != Integer.BYTES + (long) count * Long.BYTES) {
                throw new WireFormat.MalformedFrameException("a chunk result of " + count + " checksums cannot be "
                        + payload.length + " bytes");
            }
            long[] checksums = new long[count];
            for (int i = 0; i < count; i++) {
                checksums[i] = in.readLong();
            }
            return checksums;
        } catch (IOException e) {
            throw new WireFormat.MalformedFrameException("unreadable chunk result: " + e);
        }
    }
}
