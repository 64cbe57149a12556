package org.concurrencybench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MEMORY reads what it claims to and CONTENDED updates the shared table; both checksums follow the seed only. */
class MemoryAndContendedTest {

    @Test
    void aMemoryTaskStreamsItsWindowBeyondAnyL2AndWrapsAroundTheArray() {
        long[] array = StreamArray.get();
        assertEquals(StreamArray.MIB * 1024L * 1024, (long) array.length * Long.BYTES);
        assertTrue(WorkloadSettings.DEFAULT_MEMORY_KIB >= 8 * 1024, "a task streams more than a core's L2 cache");
        // 64 KiB from the chunk the seed picks: the checksum is the seed's mix XOR the window's sum.
        long seed = 12345;
        int chunks = array.length / MemoryTask.CHUNK_LONGS;
        int start = (int) Math.floorMod(seed * 0x9E3779B97F4A7C15L, (long) chunks) * MemoryTask.CHUNK_LONGS;
        long sum = 0;
        for (int i = 0; i < MemoryTask.CHUNK_LONGS; i++) {
            sum += array[start + i];
        }
        assertEquals(Long.rotateLeft(seed * 0x9E3779B97F4A7C15L, 17) ^ sum, new MemoryTask(seed, 64).run(ExecutionHooks.NONE));
        // A window longer than the array wraps: the whole array twice sums to twice its sum.
        long whole = 0;
        for (long value : array) {
            whole += value;
        }
        assertEquals(Long.rotateLeft(seed * 0x9E3779B97F4A7C15L, 17) ^ (2 * whole),
                new MemoryTask(seed, 2 * StreamArray.MIB * 1024).run(ExecutionHooks.NONE));
    }

    @Test
    void aMemoryTaskOffersACheckPointPer64KiB() {
        int[] checkpoints = new int[1];
        new MemoryTask(1, 1024).run(counting(checkpoints));
        assertEquals(16, checkpoints[0]);
    }

    @Test
    void aContendedTaskComputesTheCpuKernelAndUpdatesTheSharedTableOncePerUnit() throws Exception {
        long before = SharedTable.sum();
        int[] checkpoints = new int[1];
        assertEquals(CpuKernel.run(77, 5, ExecutionHooks.NONE), new ContendedTask(77, 5).run(counting(checkpoints)));
        assertEquals(5, checkpoints[0]);
        assertNotEquals(before, SharedTable.sum(), "the shared table was updated");
    }

    @Test
    void concurrentContendedTasksKeepTheirChecksums() throws Exception {
        List<Thread> threads = new ArrayList<>();
        long[] results = new long[4];
        for (int i = 0; i < results.length; i++) {
            int index = i;
            threads.add(Thread.ofPlatform().start(() -> results[index] = new ContendedTask(index, 50).run(ExecutionHooks.NONE)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (int i = 0; i < results.length; i++) {
            assertEquals(CpuKernel.run(i, 50, ExecutionHooks.NONE), results[i]);
        }
    }

    private static ExecutionHooks counting(int[] checkpoints) {
        return new ExecutionHooks() {
            @Override
            public void checkpoint() {
                checkpoints[0]++;
            }

            @Override
            public void beforeBlocking() {
            }

            @Override
            public void afterBlocking() {
            }
        };
    }
}
