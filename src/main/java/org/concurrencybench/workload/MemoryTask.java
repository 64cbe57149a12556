package org.concurrencybench.workload;

/**
 * A memory-bound task: it streams through {@code kib} KiB of one large array shared by every task
 * of the JVM ({@link StreamArray}), starting where its seed says, and sums what it reads.
 *
 * <p>Why it is shaped so: the window (16 MiB by default) is far larger than a core's L2 cache
 * and the array (64 MiB) larger than most L3 caches, and neighbouring tasks read different parts
 * of it, so each task's time is the time to bring its window in from DRAM. The loop is a plain
 * sum that the JIT may vectorise: on purpose, since the ALUs then wait on memory and a batch is
 * bound by memory bandwidth. Cores share that bandwidth, so adding them helps until the memory
 * channels are full: the number that sets a server with many channels apart from a laptop with
 * two. A check point between 64 KiB chunks lets a simulated GIL switch, as CPython's would
 * between bytecodes. The checksum mixes the seed with the sum, so every byte must be read.
 *
 * @param seed decides the window's start
 * @param kib  KiB streamed, wrapping around the array's end
 */
public record MemoryTask(long seed, int kib) implements Task {

    /** Longs per check point: 64 KiB. */
    static final int CHUNK_LONGS = 64 * 1024 / Long.BYTES;

    public MemoryTask {
        if (kib < 0) {
            throw new IllegalArgumentException("memory task KiB must be >= 0, got " + kib);
        }
    }

    /**
     * Builds this JVM's array now, so that a benchmark's set-up pays for it rather than its first
     * measured batch (worker processes build theirs on their first task, in the warm-up).
     */
    public static void prepare() {
        StreamArray.get();
    }

    @Override
    public long run(ExecutionHooks hooks) {
        long[] array = StreamArray.get();
        int length = array.length;
        long toRead = (long) kib * 1024 / Long.BYTES;
        int start = (int) Math.floorMod(seed * 0x9E3779B97F4A7C15L, (long) length / CHUNK_LONGS) * CHUNK_LONGS;
        long sum = 0;
        int at = start;
        while (toRead > 0) {
            int end = (int) Math.min(length, at + Math.min(toRead, CHUNK_LONGS));
            for (int i = at; i < end; i++) {
                sum += array[i];
            }
            toRead -= end - at;
            at = end == length ? 0 : end;
            hooks.checkpoint();
        }
        return Long.rotateLeft(seed * 0x9E3779B97F4A7C15L, 17) ^ sum;
    }
}
