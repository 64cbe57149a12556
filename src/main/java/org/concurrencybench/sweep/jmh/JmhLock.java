package org.concurrencybench.sweep.jmh;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JMH lets one run at a time per machine: it takes a lock on {@code jmh.lock} in the temporary
 * folder and refuses to start while another JMH holds it. The sweep checks that lock before it
 * starts, so a second sweep says in one line who holds it instead of failing every core count.
 */
public final class JmhLock {

    private JmhLock() {
    }

    /** JMH's lock file for JVMs that run with this one's temporary folder. */
    public static Path file() {
        return Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
    }

    /**
     * Who holds the lock, e.g. {@code "pid 4242"} (or {@code "another process"} where Linux's
     * {@code /proc/locks} does not say); null while it is free.
     */
    public static String holder(Path lockFile) {
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
             FileChannel channel = file.getChannel()) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return null;
            }
        } catch (OverlappingFileLockException e) {
            return "this process";
        } catch (IOException e) {
            return null; // cannot even open it: JMH will say why itself
        }
        return lockingPid(lockFile);
    }

    private static String lockingPid(Path lockFile) {
        try {
            String inode = String.valueOf(Files.getAttribute(lockFile, "unix:ino"));
            for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
                String[] fields = line.trim().split("\\s+");
                // "1: POSIX  ADVISORY  WRITE 4242 00:1f:123456 0 EOF"
                if (fields.length >= 6 && fields[5].endsWith(":" + inode)) {
                    return "pid " + fields[4];
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc: say less
        }
        return "another process";
    }
}
