package org.concurrencybench.workload;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The state every {@link ContendedTask} of a JVM updates: a table of {@value #SLOTS} longs
 * (4 KiB, 64 cache lines) behind one lock. An update adds to {@value #UPDATES} slots picked by the
 * value, so each critical section dirties several lines that the next core to take the lock must
 * fetch. A {@link ReentrantLock}, not {@code synchronized}, so that a virtual thread waiting for
 * it unmounts on every JDK 21+ instead of pinning its carrier.
 */
final class SharedTable {

    static final int SLOTS = 512;
    static final int UPDATES = 16;

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final long[] TABLE = new long[SLOTS];

    private SharedTable() {
    }

    static void update(long value) {
        LOCK.lock();
        try {
            long v = value;
            for (int i = 0; i < UPDATES; i++) {
                int slot = (int) (v >>> 55) & (SLOTS - 1);
                TABLE[slot] += v;
                v = Long.rotateLeft(v, 9);
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** The sum of the table (tests: updates happened). */
    static long sum() {
        LOCK.lock();
        try {
            long sum = 0;
            for (long slot : TABLE) {
                sum += slot;
            }
            return sum;
        } finally {
            LOCK.unlock();
        }
    }
}
