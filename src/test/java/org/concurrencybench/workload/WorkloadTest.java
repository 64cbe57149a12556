package org.concurrencybench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The workloads: deterministic checksums, check points between CPU units, sizes validated. */
class WorkloadTest {

    @Test
    void cpuKernelIsDeterministicAndDependsOnSeedAndSize() {
        assertEquals(CpuKernel.run(42, 10, ExecutionHooks.NONE), CpuKernel.run(42, 10, ExecutionHooks.NONE));
        assertNotEquals(CpuKernel.run(42, 10, ExecutionHooks.NONE), CpuKernel.run(43, 10, ExecutionHooks.NONE));
        assertNotEquals(CpuKernel.run(42, 10, ExecutionHooks.NONE), CpuKernel.run(42, 11, ExecutionHooks.NONE));
    }

    @Test
    void cpuKernelCallsTheCheckPointOncePerUnit() {
        AtomicInteger checkpoints = new AtomicInteger();
        ExecutionHooks counting = new ExecutionHooks() {
            @Override
            public void checkpoint() {
                checkpoints.incrementAndGet();
            }

            @Override
            public void beforeBlocking() {
            }

            @Override
            public void afterBlocking() {
            }
        };
        new CpuTask(7, 25).run(counting);
        assertEquals(25, checkpoints.get());
    }

    @Test
    void sleepIsABlockingCall() throws Exception {
        StringBuilder calls = new StringBuilder();
        ExecutionHooks recording = new ExecutionHooks() {
            @Override
            public void checkpoint() {
                calls.append('c');
            }

            @Override
            public void beforeBlocking() {
                calls.append('[');
            }

            @Override
            public void afterBlocking() {
                calls.append(']');
            }
        };
        long checksum = new SleepTask(5, 100).run(recording);
        assertEquals("[]", calls.toString());
        assertEquals(SleepTask.checksum(5), checksum);
    }

    @Test
    void batchesHaveDistinctSeeds() {
        List<Task> batch = Workload.CPU.batch(3, WorkloadSettings.DEFAULT, 100, null);
        assertEquals(List.of(new CpuTask(100, 700), new CpuTask(101, 700), new CpuTask(102, 700)), batch);
    }

    @Test
    void invalidSizesAreRejectedWithTheirName() {
        IllegalArgumentException zeroTasks = assertThrows(IllegalArgumentException.class,
                () -> Workload.SLEEP.batch(0, WorkloadSettings.DEFAULT, 1, null));
        assertTrue(zeroTasks.getMessage().contains("at least 1 task"), zeroTasks.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new WorkloadSettings(-5, 10, 1, 1, 1));
        assertTrue(negative.getMessage().contains("cpuUnits must be >= 0, got -5"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SleepTask(1, -1));
        assertThrows(IllegalArgumentException.class, () -> Workload.IO.batch(1, WorkloadSettings.DEFAULT, 1, null));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Workload.parse("DISK"));
        assertTrue(unknown.getMessage().contains("DISK") && unknown.getMessage().contains("SLEEP"));
    }
}
