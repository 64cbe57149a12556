package org.concurrencybench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.process.DebugTask;
import org.concurrencybench.process.WorkerFailedException;
import org.concurrencybench.process.WorkerLauncher;
import org.concurrencybench.workload.CpuTask;
import org.concurrencybench.workload.EchoServer;
import org.concurrencybench.workload.IoTask;
import org.concurrencybench.workload.SleepTask;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.Workload;
import org.concurrencybench.workload.WorkloadSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two multi-process models: the same checksums as sequential code for every workload, and a
 * pool that survives its workers dying (killed, {@code System.exit}, garbage on their output)
 * with a clear error and no leftover process.
 */
class ProcessModelsIT {

    /** Small tasks: the child JVMs' start-up dominates these tests anyway. */
    private static final WorkloadSettings SMALL = new WorkloadSettings(20, 2_000, 3, 64, 12);

    private static final WorkerLauncher DEBUG_POOL_LAUNCHER = WorkerLauncher.standard(WorkerLauncher.Lifetime.LONG_LIVED)
            .withSharedArchive(false)
            .withAnswerTimeout(Duration.ofSeconds(60))
            .withExtraJvmArgs("-D" + DebugTask.ENABLE_PROPERTY + "=true");

    @AfterEach
    void noWorkerIsLeftAfterClose() {
        assertEquals(List.of(), ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"PROCESS_POOL", "PROCESS_PER_TASK"})
    void ioAndMixedGiveTheSequentialChecksumAsInModelRunnerTest(Model model) throws Exception {
        ModelRunnerTest.assertSequentialChecksumForIoAndMixed(model);
    }

    @Test
    void bothModelsGiveSequentialChecksumsForEveryWorkload() throws Exception {
        try (EchoServer echo = EchoServer.start();
             ModelRunner sequential = Model.SEQUENTIAL.newRunner(RunnerSettings.withParallelism(1));
             ModelRunner pool = Model.PROCESS_POOL.newRunner(RunnerSettings.withParallelism(2));
             ModelRunner perTask = Model.PROCESS_PER_TASK.newRunner(RunnerSettings.withParallelism(2))) {
            for (Workload workload : Workload.BUILT_IN) {
                List<Task> poolBatch = workload.batch(6, SMALL, 1000, echo.address());
                long expected = sequential.runBatch(poolBatch);
                assertEquals(expected, pool.runBatch(poolBatch), "PROCESS_POOL, " + workload);
                assertEquals(expected, pool.runBatch(poolBatch), "PROCESS_POOL again, " + workload);
                List<Task> perTaskBatch = poolBatch.subList(0, 2);
                assertEquals(sequential.runBatch(perTaskBatch), perTask.runBatch(perTaskBatch),
                        "PROCESS_PER_TASK, " + workload);
            }
        }
    }

    @Test
    void aKilledWorkerFailsTheBatchWithItsPidExitCodeAndIsReplaced() throws Exception {
        // The task is a round trip to a server that answers after a minute: once the server has
        // accepted the worker's connection, the worker is inside the task, and is killed there.
        try (ProcessPoolRunner pool = new ProcessPoolRunner(1, DEBUG_POOL_LAUNCHER);
             EchoServer slow = EchoServer.start(new EchoServer.Options(Duration.ofMinutes(1), 0))) {
            long pid = pool.workerPids().get(0);
            Thread killer = Thread.ofPlatform().start(() -> {
                try {
                    while (slow.acceptedConnections() == 0) {
                        Thread.sleep(5);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            });
            List<Task> inFlight = List.of(new IoTask(1, 1, 64, slow.address()));
            BatchFailedException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(BatchFailedException.class, () -> pool.runBatch(inFlight)));
            killer.join();
            WorkerFailedException cause = assertInstanceOf(WorkerFailedException.class, e.getCause());
            assertEquals(pid, cause.pid());
            assertEquals(137, cause.exitCode().orElseThrow(), "SIGKILL");
            assertTrue(e.getMessage().contains("task 0 of 1 failed under PROCESS_POOL"), e.getMessage());
            assertTrue(e.getMessage().contains("worker pid " + pid + " died while running a task"), e.getMessage());
            assertTrue(e.getMessage().contains("exit code 137"), e.getMessage());

            assertNotEquals(pid, pool.workerPids().get(0), "the dead worker was replaced");
            List<Task> next = List.of(new CpuTask(5, 3), new SleepTask(6, 0));
            assertEquals(sequentialSum(next), pool.runBatch(next));
        }
    }

    @Test
    void workersThatExitOrWriteGarbageFailTheBatchAndThePoolStaysUsable() throws Exception {
        try (ProcessPoolRunner pool = new ProcessPoolRunner(2, DEBUG_POOL_LAUNCHER)) {
            List<Long> before = pool.workerPids();
            List<Task> exiting = new ArrayList<>(List.of(new CpuTask(1, 5), DebugTask.exit(42), new CpuTask(2, 5)));
            BatchFailedException exit = assertThrows(BatchFailedException.class, () -> pool.runBatch(exiting));
            WorkerFailedException cause = assertInstanceOf(WorkerFailedException.class, exit.getCause());
            assertEquals(42, cause.exitCode().orElseThrow());
            assertTrue(exit.getMessage().contains("task 1 of 3"), exit.getMessage());

            List<Task> garbage = List.of(DebugTask.of(DebugTask.Action.GARBAGE));
            BatchFailedException protocol = assertThrows(BatchFailedException.class, () -> pool.runBatch(garbage));
            assertTrue(protocol.getMessage().contains("broke the protocol"), protocol.getMessage());
            assertTrue(protocol.getMessage().contains("this is not a frame"), protocol.getMessage());

            List<Task> next = Workload.CPU.batch(8, SMALL, 77, null);
            assertEquals(sequentialSum(next), pool.runBatch(next));
            assertEquals(2, pool.workerPids().size());
            assertTrue(pool.workerPids().stream().filter(before::contains).count() < 2, "workers were replaced");
        }
    }

    @Test
    void anErrorAnswerFailsTheBatchWithTheWorkersMessage() throws Exception {
        // Debug tasks off: the worker answers an ERROR frame (UNKNOWN_TASK_KIND) instead of exiting.
        try (ModelRunner perTask = new ProcessPerTaskRunner(1, DEBUG_POOL_LAUNCHER.withExtraJvmArgs())) {
            BatchFailedException e = assertThrows(BatchFailedException.class,
                    () -> perTask.runBatch(List.of(DebugTask.exit(1))));
            assertTrue(e.getMessage().contains("answered UNKNOWN_TASK_KIND"), e.getMessage());
            assertEquals(sequentialSum(List.of(new CpuTask(3, 2))), perTask.runBatch(List.of(new CpuTask(3, 2))));
        }
    }

    @Test
    void aChunkWithAFailingTaskFailsTheBatchWithItsPlaceAndThePoolStaysUsable() throws Exception {
        java.net.InetSocketAddress closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = new java.net.InetSocketAddress(s.getInetAddress(), s.getLocalPort());
        }
        try (ProcessPoolRunner pool = new ProcessPoolRunner(2, DEBUG_POOL_LAUNCHER, 2)) {
            List<Long> before = pool.workerPids();
            List<Task> failing = List.of(new SleepTask(1, 0), new org.concurrencybench.workload.IoTask(2, 1, 8, closedPort),
                    new SleepTask(3, 0), new CpuTask(4, 2));
            BatchFailedException e = assertThrows(BatchFailedException.class, () -> pool.runBatch(failing));
            assertTrue(e.getMessage().contains("task 1 of a chunk of 2"), e.getMessage());
            assertEquals(before, pool.workerPids(), "a task's error is not the worker's failure: none replaced");
            List<Task> next = Workload.CPU.batch(7, SMALL, 88, null);
            assertEquals(sequentialSum(next), pool.runBatch(next));
        }
    }

    private static long sequentialSum(List<Task> batch) {
        try (ModelRunner sequential = Model.SEQUENTIAL.newRunner(RunnerSettings.withParallelism(1))) {
            return sequential.runBatch(batch);
        }
    }
}
