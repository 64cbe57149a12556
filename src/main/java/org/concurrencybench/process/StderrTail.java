package org.concurrencybench.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The last few kilobytes a worker wrote to its standard error, kept in a ring buffer by a reader
 * thread. A worker's stderr must be drained (a full pipe would block it), but only its end matters:
 * it goes into the error message when the worker dies ("Terminating due to
 * java.lang.OutOfMemoryError", a stack trace).
 */
final class StderrTail {

    private final byte[] ring;
    private long written;

    StderrTail(int capacityBytes) {
        this.ring = new byte[capacityBytes];
    }

    /** Starts a daemon thread that copies {@code stderr} into the ring until it ends. */
    static Thread drain(InputStream stderr, StderrTail tail, String threadName) {
        return Thread.ofPlatform().daemon().name(threadName).start(() -> {
            byte[] buffer = new byte[1024];
            try (stderr) {
                int n;
                while ((n = stderr.read(buffer)) > 0) {
                    tail.append(buffer, n);
                }
            } catch (IOException e) {
                // The process ended or was destroyed: the tail holds what it wrote.
            }
        });
    }

    synchronized void append(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (written++ % ring.length)] = bytes[i];
        }
    }

    /** The kept text; when older text was dropped it starts at a line boundary, after "...". */
    synchronized String text() {
        int kept = (int) Math.min(written, ring.length);
        byte[] bytes = new byte[kept];
        long start = written - kept;
        for (int i = 0; i < kept; i++) {
            bytes[i] = ring[(int) ((start + i) % ring.length)];
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (written > ring.length) {
            int newline = text.indexOf('\n');
            text = "..." + (newline >= 0 ? text.substring(newline) : text);
        }
        return text.strip();
    }
}
