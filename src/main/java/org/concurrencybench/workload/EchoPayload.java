package org.concurrencybench.workload;

/**
 * The bytes an I/O task sends and how it folds the echoed bytes into its checksum.
 *
 * <p>Shared by every way of doing the I/O (blocking sockets, the event loop's non-blocking
 * channels, a worker process) so that all of them give the same checksum for the same task.
 */
public final class EchoPayload {

    private EchoPayload() {
    }

    /** Fills {@code buffer[0..length)} with the request of round trip {@code roundTrip} of the task {@code seed}. */
    public static void fill(byte[] buffer, int length, long seed, int roundTrip) {
        long x = seed ^ ((long) roundTrip << 32) ^ 0x5DEECE66DL;
        for (int i = 0; i < length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            buffer[i] = (byte) (x >>> 56);
        }
    }

    /** Folds the echoed bytes {@code buffer[0..length)} into {@code checksum}. */
    public static long fold(long checksum, byte[] buffer, int length) {
        long c = checksum;
        for (int i = 0; i < length; i++) {
            c = (c ^ (buffer[i] & 0xFF)) * 0x100000001B3L;
        }
        return c;
    }

    /** The checksum an I/O task starts from. */
    public static long initial(long seed) {
        return seed ^ 0xCBF29CE484222325L;
    }
}
