package org.concurrencybench.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.concurrencybench.workload.user.BadTaskException;
import org.concurrencybench.workload.ContendedTask;
import org.concurrencybench.workload.CpuTask;
import org.concurrencybench.workload.IoTask;
import org.concurrencybench.workload.MemoryTask;
import org.concurrencybench.workload.MixedTask;
import org.concurrencybench.workload.SleepTask;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.user.UserTaskCall;
import org.concurrencybench.workload.user.UserTaskLoader;

/**
 * The binary frames that travel between the parent JVM and a worker JVM over the worker's standard
 * input (parent to worker) and standard output (worker to parent). No network port is opened; the
 * pipes are the only channel. Everything is big-endian, written with {@link DataOutputStream}.
 *
 * <pre>
 * frame    = magic:u8 = 0xCB   version:u8 = 1   type:u8   length:s32   payload[length]
 *            (0 &lt;= length &lt;= {@value #MAX_PAYLOAD_BYTES}; the payload must be consumed exactly)
 *
 * type READY  0x01  worker → parent, first frame after start-up   pid:s64
 * type TASK   0x02  parent → worker                               kind:u8, then the kind's fields
 * type RESULT 0x03  worker → parent, answer to one TASK          checksum:s64
 * type ERROR  0x04  worker → parent, answer to one TASK or to a   code:u8, message:UTF
 *                   frame it could not read                       (DataOutput.writeUTF)
 * type CHUNK         0x05  parent → worker: several tasks in one frame ({@link ChunkFrames})
 * type CHUNK_RESULT  0x06  worker → parent: every task's checksum of one CHUNK ({@link ChunkFrames})
 *
 * kind CPU    0x01  seed:s64  units:s32                                        → CpuTask
 * kind SLEEP  0x02  seed:s64  micros:s64                                       → SleepTask
 * kind IO     0x03  seed:s64  roundTrips:s32  bytes:s32  address              → IoTask
 * kind MIXED  0x04  seed:s64  steps:s32  cpuUnitsPerStep:s32  bytes:s32  address → MixedTask
 *                   address = length:u8, the IP address's bytes (4 or 16), port:u16
 * kind MEMORY    0x05  seed:s64  kib:s32                                      → MemoryTask
 * kind CONTENDED 0x06  seed:s64  units:s32                                    → ContendedTask
 * kind USER      0x07  seed:s64  className:UTF                                → UserTaskCall, the
 *                   worker's own instance of the class, loaded from -D{@value UserTaskLoader#CLASS_PATH_PROPERTY}
 * kinds 0x70..0x73  test-only failures ({@link DebugTask}): EXIT code:s32, HANG,
 *                   GARBAGE, OUT_OF_MEMORY; run only by a worker started with
 *                   -D{@value DebugTask#ENABLE_PROPERTY}=true, otherwise answered as unknown kinds
 *
 * error TASK_FAILED       1  the task threw; the message is its exception; the worker goes on
 * error MALFORMED_FRAME   2  bad magic, version, type, length or fields
 * error UNKNOWN_TASK_KIND 3  a well-formed TASK frame with a kind the worker does not run
 * </pre>
 *
 * <p>A conversation: the worker writes READY once, then answers each TASK with exactly one
 * RESULT or ERROR, and each CHUNK with exactly one CHUNK_RESULT or ERROR, in order, one frame
 * at a time. (The CHUNK types came after the first four; a parent sends them only when asked to
 * chunk, as {@code Pool.map(chunksize=...)} does, so one task per TASK frame is unchanged.) The parent treats any byte sequence that is not a
 * frame (a stray {@code println}, a JVM warning on standard output) as a protocol error and ends
 * the worker: that is why the worker sends all its logging to standard error.
 */
public final class WireFormat {

    public static final int MAGIC = 0xCB;
    public static final int VERSION = 1;
    /**
     * Far above any frame the suite sends (a TASK is under 40 bytes, a CHUNK of
     * {@link ChunkFrames#MAX_TASKS} I/O tasks about 300 KB); a larger length means the stream is not frames.
     */
    public static final int MAX_PAYLOAD_BYTES = 1024 * 1024;

    public static final int TYPE_READY = 0x01;
    public static final int TYPE_TASK = 0x02;
    public static final int TYPE_RESULT = 0x03;
    public static final int TYPE_ERROR = 0x04;
    public static final int TYPE_CHUNK = 0x05;
    public static final int TYPE_CHUNK_RESULT = 0x06;

    public static final int KIND_CPU = 0x01;
    public static final int KIND_SLEEP = 0x02;
    public static final int KIND_IO = 0x03;
    public static final int KIND_MIXED = 0x04;
    public static final int KIND_MEMORY = 0x05;
    public static final int KIND_CONTENDED = 0x06;
    public static final int KIND_USER = 0x07;

    public static final int ERROR_TASK_FAILED = 1;
    public static final int ERROR_MALFORMED_FRAME = 2;
    public static final int ERROR_UNKNOWN_TASK_KIND = 3;

    private WireFormat() {
    }

    /** One frame as read: its type and its payload bytes. */
    public record Frame(int type, byte[] payload) {
    }

    /** The bytes read are not a frame of this format (the stream cannot be trusted after it). */
    public static final class MalformedFrameException extends IOException {
        public MalformedFrameException(String message) {
            super(message);
        }
    }

    /** A well-formed TASK frame whose kind the reader does not run. */
    public static final class UnknownTaskKindException extends IOException {
        public UnknownTaskKindException(String message) {
            super(message);
        }
    }

    /** Writes one frame and flushes it, so the other side sees it at once. */
    public static void writeFrame(DataOutputStream out, int type, byte[] payload) throws IOException {
        out.writeByte(MAGIC);
        out.writeByte(VERSION);
        out.writeByte(type);
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    /**
     * Reads one frame.
     *
     * @return the frame, or {@code null} if the stream ended cleanly before its first byte
     * @throws MalformedFrameException if the header is wrong or the stream ends inside the frame
     */
    public static Frame readFrame(DataInputStream in) throws IOException {
        int magic = in.read();
        if (magic < 0) {
            return null;
        }
        try {
            int version = in.readUnsignedByte();
            if (magic != MAGIC || version != VERSION) {
                throw new MalformedFrameException(String.format(
                        "not a frame: expected magic 0x%02X version %d, got bytes 0x%02X 0x%02X",
                        MAGIC, VERSION, magic, version));
            }
            int type = in.readUnsignedByte();
            int length = in.readInt();
            if (length < 0 || length > MAX_PAYLOAD_BYTES) {
                throw new MalformedFrameException("frame length " + length + " is outside 0.." + MAX_PAYLOAD_BYTES);
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            return new Frame(type, payload);
        } catch (EOFException e) {
            throw new MalformedFrameException("the stream ended inside a frame");
        }
    }

    /** The payload of a TASK frame for one of the suite's task records (or a {@link DebugTask}). */
    public static byte[] encodeTask(Task task) {
        return payload(out -> {
            switch (task) {
                case CpuTask t -> {
                    out.writeByte(KIND_CPU);
                    out.writeLong(t.seed());
                    out.writeInt(t.units());
                }
                case SleepTask t -> {
                    out.writeByte(KIND_SLEEP);
                    out.writeLong(t.seed());
                    out.writeLong(t.micros());
                }
                case IoTask t -> {
                    out.writeByte(KIND_IO);
                    out.writeLong(t.seed());
                    out.writeInt(t.roundTrips());
                    out.writeInt(t.bytes());
                    writeAddress(out, t.server());
                }
                case MixedTask t -> {
                    out.writeByte(KIND_MIXED);
                    out.writeLong(t.seed());
                    out.writeInt(t.steps());
                    out.writeInt(t.cpuUnitsPerStep());
                    out.writeInt(t.bytes());
                    writeAddress(out, t.server());
                }
                case MemoryTask t -> {
                    out.writeByte(KIND_MEMORY);
                    out.writeLong(t.seed());
                    out.writeInt(t.kib());
                }
                case ContendedTask t -> {
                    out.writeByte(KIND_CONTENDED);
                    out.writeLong(t.seed());
                    out.writeInt(t.units());
                }
                case UserTaskCall t -> {
                    out.writeByte(KIND_USER);
                    out.writeLong(t.seed());
                    out.writeUTF(t.className());
                }
                case DebugTask t -> t.encode(out);
                default -> throw new IllegalArgumentException("a worker process cannot run " + task.getClass().getName()
                        + ": only the suite's task records travel over the wire");
            }
        });
    }

    /**
     * Decodes a TASK frame's payload.
     *
     * @param debugTasks whether the test-only {@link DebugTask} kinds are accepted
     * @throws UnknownTaskKindException for a kind this worker does not run
     * @throws MalformedFrameException  if the fields are cut short, left over or invalid
     */
    public static Task decodeTask(byte[] payload, boolean debugTasks) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        Task task;
        int kind;
        try {
            kind = in.readUnsignedByte();
            task = switch (kind) {
                case KIND_CPU -> new CpuTask(in.readLong(), in.readInt());
                case KIND_SLEEP -> new SleepTask(in.readLong(), in.readLong());
                case KIND_IO -> new IoTask(in.readLong(), in.readInt(), in.readInt(), readAddress(in));
                case KIND_MIXED -> new MixedTask(in.readLong(), in.readInt(), in.readInt(), in.readInt(),
                        readAddress(in));
                case KIND_MEMORY -> new MemoryTask(in.readLong(), in.readInt());
                case KIND_CONTENDED -> new ContendedTask(in.readLong(), in.readInt());
                case KIND_USER -> userTask(in.readLong(), in.readUTF());
                default -> debugTasks ? DebugTask.decode(kind, in) : null;
            };
        } catch (EOFException e) {
            throw new MalformedFrameException("task payload of " + payload.length + " bytes is cut short");
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("task fields are invalid: " + e.getMessage());
        }
        if (task == null) {
            throw new UnknownTaskKindException(String.format("unknown task kind 0x%02X", kind));
        }
        if (in.available() > 0) {
            throw new MalformedFrameException(in.available() + " bytes left over after the fields of task kind "
                    + kind);
        }
        return task;
    }

    /**
     * A user's task, run with this worker's own instance of its class; a class this worker cannot
     * build gives a task that fails with the reason, so the parent's batch fails naming it.
     */
    private static Task userTask(long seed, String className) {
        try {
            return new UserTaskCall(className, seed, UserTaskLoader.shared(className));
        } catch (BadTaskException e) {
            String reason = e.getMessage();
            return hooks -> {
                throw new BadTaskException(reason);
            };
        }
    }

    /** The payload of a READY or RESULT frame: one long. */
    public static byte[] encodeLong(long value) {
        return payload(out -> out.writeLong(value));
    }

    public static long decodeLong(byte[] payload) throws MalformedFrameException {
        if (payload.length != Long.BYTES) {
            throw new MalformedFrameException("expected an 8-byte payload, got " + payload.length + " bytes");
        }
        long value = 0;
        for (byte b : payload) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    /** The payload of an ERROR frame. Messages are cut to 2,000 characters to stay within writeUTF's limit. */
    public static byte[] encodeError(int code, String message) {
        String text = message == null ? "" : message.length() > 2000 ? message.substring(0, 2000) + "..." : message;
        return payload(out -> {
            out.writeByte(code);
            out.writeUTF(text);
        });
    }

    /** An ERROR frame's code and message. */
    public record ErrorReply(int code, String message) {
    }

    public static ErrorReply decodeError(byte[] payload) throws MalformedFrameException {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
            return new ErrorReply(in.readUnsignedByte(), in.readUTF());
        } catch (IOException e) {
            throw new MalformedFrameException("unreadable error frame: " + e);
        }
    }

    /** A name for an error code, for messages. */
    public static String errorName(int code) {
        return switch (code) {
            case ERROR_TASK_FAILED -> "TASK_FAILED";
            case ERROR_MALFORMED_FRAME -> "MALFORMED_FRAME";
            case ERROR_UNKNOWN_TASK_KIND -> "UNKNOWN_TASK_KIND";
            default -> "error " + code;
        };
    }

    private static void writeAddress(DataOutputStream out, InetSocketAddress address) throws IOException {
        byte[] ip = address.getAddress().getAddress();
        out.writeByte(ip.length);
        out.write(ip);
        out.writeShort(address.getPort());
    }

    private static InetSocketAddress readAddress(DataInputStream in) throws IOException {
        int length = in.readUnsignedByte();
        if (length != 4 && length != 16) {
            throw new MalformedFrameException("an IP address has 4 or 16 bytes, not " + length);
        }
        byte[] ip = new byte[length];
        in.readFully(ip);
        return new InetSocketAddress(InetAddress.getByAddress(ip), in.readUnsignedShort());
    }

    /** Writes fields into a byte array; the streams are in memory, so no I/O error can happen. */
    interface FieldWriter {
        void write(DataOutputStream out) throws IOException;
    }

    static byte[] payload(FieldWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
