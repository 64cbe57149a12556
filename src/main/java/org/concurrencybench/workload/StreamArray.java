package org.concurrencybench.workload;

/**
 * The array {@link MemoryTask}s stream through: {@value #MIB} MiB, filled once per JVM from a
 * fixed generator, so that its contents (and every task's checksum) are the same in every JVM,
 * worker processes included. Made on first use: a benchmark's set-up makes it
 * ({@link MemoryTask#prepare()}), a worker JVM on its first memory task.
 */
final class StreamArray {

    /** Size of the array, MiB: more than most last-level caches, and within a worker's 128 MiB heap. */
    static final int MIB = 64;

    private StreamArray() {
    }

    static long[] get() {
        return Holder.ARRAY;
    }

    /** Initialised on first access (the JVM's lazy holder idiom): thread-safe, no lock afterwards. */
    private static final class Holder {
        static final long[] ARRAY = fill(new long[MIB * 1024 * 1024 / Long.BYTES]);

        private static long[] fill(long[] array) {
            long x = 0x2545F4914F6CDD1DL;
            for (int i = 0; i < array.length; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                array[i] = x;
            }
            return array;
        }
    }
}
