package org.concurrencybench.sweep;

import org.concurrencybench.sweep.plan.SweepException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One sweep at a time on a machine, for the sweep's whole life: from its plan through every core
 * count, the CPython steps between them and the report. JMH's own lock is held only while JMH runs,
 * so a second sweep started between two JMH runs (during a CPython step, say) could take it and
 * fail every cell of the first sweep's next core count. The lock is an OS file lock (released when
 * the process ends, {@code kill -9} included), taken atomically, so of two sweeps started at once
 * exactly one runs; the file says who holds it, for the other's one-line refusal.
 */
final class SweepLock implements AutoCloseable {

    /** The lock's file name, beside JMH's {@code jmh.lock} in the temporary folder. */
    static final String FILE = "concurrencybench-sweep.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private SweepLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The sweep lock of the machine whose JMH lock is {@code jmhLock}. */
    static Path fileBeside(Path jmhLock) {
        return jmhLock.resolveSibling(FILE);
    }

    /**
     * Takes the lock for the sweep into {@code runDir}, or refuses in one line naming the sweep that
     * holds it and its run folder.
     */
    static SweepLock acquire(Path file, Path runDir) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new SweepException("another sweep (" + holder + ") is running; one sweep at a time measures"
                    + " this machine: wait for it to finish or stop it, then run again");
        }
        String who = "pid " + ProcessHandle.current().pid() + ", run folder " + runDir;
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new SweepLock(channel, lock);
    }

    /** What the holder wrote; it writes just after taking the lock, so a sweep started with it waits a moment. */
    private static String holder(FileChannel channel) {
        try {
            for (int attempt = 0; attempt < 20; attempt++) {
                ByteBuffer text = ByteBuffer.allocate(4096);
                int read = channel.read(text, 0);
                String who = read <= 0 ? "" : new String(text.array(), 0, read, StandardCharsets.UTF_8).strip();
                if (!who.isEmpty()) {
                    return who;
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            // said below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "holder unknown";
    }

    /** Lets the next sweep run (the OS does it too when this process ends). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
