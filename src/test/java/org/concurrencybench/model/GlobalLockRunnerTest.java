package org.concurrencybench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.concurrencybench.gil.GilCounters;
import org.concurrencybench.gil.GilFlavour;
import org.concurrencybench.workload.EchoServer;
import org.concurrencybench.workload.SleepTask;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.Workload;
import org.concurrencybench.workload.WorkloadSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Model#GLOBAL_LOCK} and {@link Model#GLOBAL_LOCK_PER_TASK}: the same checksums as sequential
 * code, through a lock that really works, on the threads each promises.
 */
class GlobalLockRunnerTest {

    /** Small tasks: the tests check results and counters, not speed. */
    private static final WorkloadSettings SMALL = new WorkloadSettings(40, 2_000, 5, 64, 20);
    private static final int TASKS = 12;
    private static final long SEED_BASE = 1234;

    private static EchoServer echoServer;

    @BeforeAll
    static void startServer() throws IOException {
        echoServer = EchoServer.start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        echoServer.close();
    }

    @ParameterizedTest
    @EnumSource(value = Workload.class, mode = EnumSource.Mode.EXCLUDE, names = "USER")
    void checksumEqualsSequentialForEveryWorkload(Workload workload) {
        List<Task> batch = workload.batch(TASKS, SMALL, SEED_BASE, echoServer.address());
        long expected;
        try (ModelRunner sequential = Model.SEQUENTIAL.newRunner(RunnerSettings.withParallelism(1))) {
            expected = sequential.runBatch(batch);
        }
        for (Model model : List.of(Model.GLOBAL_LOCK, Model.GLOBAL_LOCK_PER_TASK)) {
            for (GilFlavour flavour : GilFlavour.values()) {
                RunnerSettings settings = new RunnerSettings(4, Duration.ofNanos(100_000), flavour);
                try (GlobalLockRunner runner = (GlobalLockRunner) model.newRunner(settings)) {
                    assertEquals(expected, runner.runBatch(batch), model + " " + workload + " under " + flavour);
                    assertEquals(expected, runner.runBatch(batch), model + " " + workload + " again under " + flavour);
                    GilCounters counters = runner.lockCounters();
                    assertTrue(counters.acquisitions() >= 2L * TASKS, "every task takes the lock: " + counters);
                }
            }
        }
    }

    /** GLOBAL_LOCK_PER_TASK starts a platform thread per task, every one under the runner's lock. */
    @Test
    void perTaskModelRunsEachTaskOnItsOwnThreadHoldingTheLock() {
        java.util.Set<Thread> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Task> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            int index = i;
            batch.add(hooks -> {
                seen.add(Thread.currentThread());
                return index;
            });
        }
        try (GlobalLockRunner runner = (GlobalLockRunner) Model.GLOBAL_LOCK_PER_TASK.newRunner(
                RunnerSettings.withParallelism(2))) {
            assertEquals(36, runner.runBatch(batch));
            assertEquals(9, runner.lockCounters().acquisitions(), "one take of the lock per task");
        }
        assertEquals(9, seen.size(), "a thread per task, whatever the parallelism");
        assertTrue(seen.stream().noneMatch(Thread::isVirtual));
        assertTrue(seen.stream().noneMatch(Thread::isAlive), "close() joined every task thread");
    }

    /** A sleep is a blocking call: each task takes the lock to start and again after its sleep. */
    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"GLOBAL_LOCK", "GLOBAL_LOCK_PER_TASK"})
    void sleepingTasksReleaseTheLock(Model model) {
        List<Task> batch = Workload.SLEEP.batch(4, SMALL, SEED_BASE, null);
        try (GlobalLockRunner runner = (GlobalLockRunner) model.newRunner(RunnerSettings.withParallelism(4))) {
            runner.runBatch(batch);
            GilCounters counters = runner.lockCounters();
            assertEquals(8, counters.acquisitions(), counters.toString());
        }
    }

    /** A failing task releases the lock: the batch fails with its cause and the next batch runs. */
    @Test
    void failingTaskReleasesTheLock() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Task> failing = List.of(new SleepTask(1, 100), hooks -> {
            throw boom;
        }, new SleepTask(3, 100));
        try (ModelRunner runner = Model.GLOBAL_LOCK.newRunner(RunnerSettings.withParallelism(2))) {
            BatchFailedException e = assertThrows(BatchFailedException.class, () -> runner.runBatch(failing));
            assertSame(boom, e.getCause());
            assertTrue(e.getMessage().contains("GLOBAL_LOCK"), e.getMessage());
            List<Task> next = Workload.CPU.batch(4, SMALL, SEED_BASE, null);
            long expected;
            try (ModelRunner sequential = Model.SEQUENTIAL.newRunner(RunnerSettings.withParallelism(1))) {
                expected = sequential.runBatch(next);
            }
            assertEquals(expected, runner.runBatch(next));
        }
    }

    @Test
    void factoryBuildsTheGlobalLockRunner() {
        try (ModelRunner runner = Model.GLOBAL_LOCK.newRunner(RunnerSettings.withParallelism(1))) {
            assertInstanceOf(GlobalLockRunner.class, runner);
        }
    }
}
