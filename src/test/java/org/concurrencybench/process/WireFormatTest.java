package org.concurrencybench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.concurrencybench.workload.CpuTask;
import org.concurrencybench.workload.IoTask;
import org.concurrencybench.workload.MixedTask;
import org.concurrencybench.workload.SleepTask;
import org.concurrencybench.workload.Task;
import org.junit.jupiter.api.Test;

/** Every task record survives the trip through a TASK payload unchanged. */
class WireFormatTest {

    @Test
    void everyTaskKindRoundTrips() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40123);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 65535);
        List<Task> tasks = List.of(new CpuTask(-7, 400), new SleepTask(Long.MAX_VALUE, 10_000),
                new IoTask(3, 20, 256, v4), new MixedTask(4, 20, 10, 256, v6),
                new org.concurrencybench.workload.MemoryTask(5, 16_384), new org.concurrencybench.workload.ContendedTask(6, 700));
        for (Task task : tasks) {
            assertEquals(task, WireFormat.decodeTask(WireFormat.encodeTask(task), false));
        }
        assertEquals(DebugTask.exit(9), WireFormat.decodeTask(WireFormat.encodeTask(DebugTask.exit(9)), true));
    }

    @Test
    void aUserTaskTravelsAsItsClassNameAndAWorkerWithoutItFailsTheTaskNamingIt() throws Exception {
        org.concurrencybench.workload.user.UserTaskCall call =
                new org.concurrencybench.workload.user.UserTaskCall("com.example.Absent", 42, (seed, hooks) -> seed);
        // No jar of this JVM holds the class: the decoded task fails when run, with the loader's line.
        Task decoded = WireFormat.decodeTask(WireFormat.encodeTask(call), false);
        Exception e = assertThrows(org.concurrencybench.workload.user.BadTaskException.class,
                () -> decoded.run(org.concurrencybench.workload.ExecutionHooks.NONE));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("task class com.example.Absent"),
                e.getMessage());
    }

    @Test
    void tasksThatCannotTravelAreRefusedByTheParent() {
        assertThrows(IllegalArgumentException.class, () -> WireFormat.encodeTask(hooks -> 1L));
    }

    @Test
    void debugTasksNeverRunInTheParent() {
        assertThrows(UnsupportedOperationException.class,
                () -> DebugTask.exit(1).run(org.concurrencybench.workload.ExecutionHooks.NONE));
    }
}
