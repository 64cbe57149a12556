package org.concurrencybench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.Workload;
import org.concurrencybench.workload.WorkloadSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The in-JVM models' contract: same checksum as sequential code, the promised threads, failures
 * that reach the caller with their cause, and nothing left running after {@code close()}.
 */
class ModelRunnerTest {

    private static final WorkloadSettings SMALL = new WorkloadSettings(3, 1_000, 2, 16, 4);
    private static final int POOL = 3;

    private static ModelRunner runner(Model model) {
        return model.newRunner(RunnerSettings.withParallelism(POOL));
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"THREAD_PER_TASK", "FIXED_POOL", "FORK_JOIN", "VIRTUAL_THREADS"})
    void everyModelGivesTheSequentialChecksum(Model model) {
        for (Workload workload : List.of(Workload.CPU, Workload.SLEEP, Workload.MEMORY, Workload.CONTENDED)) {
            List<Task> batch = workload.batch(17, SMALL, 12345, null);
            long expected;
            try (ModelRunner sequential = runner(Model.SEQUENTIAL)) {
                expected = sequential.runBatch(batch);
            }
            try (ModelRunner runner = runner(model)) {
                assertEquals(expected, runner.runBatch(batch), model + " on " + workload);
                assertEquals(expected, runner.runBatch(batch), model + " on " + workload + ", second batch");
            }
        }
    }

    /** IO and MIXED through every in-JVM model, the event loop included (the process models: ProcessModelsIT). */
    @ParameterizedTest
    @EnumSource(value = Model.class, mode = EnumSource.Mode.EXCLUDE, names = {"PROCESS_POOL", "PROCESS_PER_TASK"})
    void everyModelGivesTheSequentialChecksumForIoAndMixed(Model model) throws Exception {
        assertSequentialChecksumForIoAndMixed(model);
    }

    /** IO and MIXED through {@code model} give the checksum sequential code gives, against one echo server. */
    static void assertSequentialChecksumForIoAndMixed(Model model) throws Exception {
        try (org.concurrencybench.workload.EchoServer echo = org.concurrencybench.workload.EchoServer.start()) {
            for (Workload workload : List.of(Workload.IO, Workload.MIXED)) {
                List<Task> batch = workload.batch(4, SMALL, 777, echo.address());
                long expected;
                try (ModelRunner sequential = runner(Model.SEQUENTIAL)) {
                    expected = sequential.runBatch(batch);
                }
                try (ModelRunner runner = runner(model)) {
                    assertEquals(expected, runner.runBatch(batch), model + " on " + workload);
                }
            }
        }
    }

    @Test
    void checksumsDependOnTheSeeds() {
        try (ModelRunner sequential = runner(Model.SEQUENTIAL)) {
            long a = sequential.runBatch(Workload.CPU.batch(4, SMALL, 1, null));
            long b = sequential.runBatch(Workload.CPU.batch(4, SMALL, 2, null));
            assertTrue(a != b, "different seeds, different checksums");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"FIXED_POOL", "FORK_JOIN"})
    void poolsNeverUseMoreThanParallelismThreads(Model model) {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        List<Task> batch = recordingTasks(40, seen, 2);
        try (ModelRunner runner = runner(model)) {
            runner.runBatch(batch);
            runner.runBatch(batch);
        }
        assertTrue(seen.size() <= POOL, model + " used " + seen.size() + " threads, parallelism " + POOL);
        assertTrue(seen.size() >= 1);
    }

    @Test
    void threadPerTaskStartsOneThreadPerTask() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        try (ModelRunner runner = runner(Model.THREAD_PER_TASK)) {
            runner.runBatch(recordingTasks(25, seen, 0));
        }
        assertEquals(25, seen.size());
        assertTrue(seen.stream().noneMatch(Thread::isVirtual));
    }

    @Test
    void virtualThreadsRunTasksOnVirtualThreads() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        try (ModelRunner runner = runner(Model.VIRTUAL_THREADS)) {
            runner.runBatch(recordingTasks(25, seen, 0));
        }
        assertEquals(25, seen.size());
        assertTrue(seen.stream().allMatch(Thread::isVirtual));
    }

    @Test
    void sequentialRunsOnTheCallersThread() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        try (ModelRunner runner = runner(Model.SEQUENTIAL)) {
            runner.runBatch(recordingTasks(5, seen, 0));
        }
        assertEquals(Set.of(Thread.currentThread()), seen);
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"SEQUENTIAL", "THREAD_PER_TASK", "FIXED_POOL", "FORK_JOIN",
        "VIRTUAL_THREADS", "GLOBAL_LOCK_PER_TASK"})
    void noThreadSurvivesClose(Model model) {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        ModelRunner runner = runner(model);
        runner.runBatch(recordingTasks(12, seen, 1));
        runner.close();
        for (Thread t : seen) {
            if (t != Thread.currentThread()) {
                assertFalse(t.isAlive(), t + " is alive after close of " + model);
            }
        }
        runner.close(); // idempotent
        // Idle workers too (a pool thread that ran no task): none of the runner's names is alive.
        String prefix = switch (model) {
            case FIXED_POOL -> "fixed_pool-";
            case FORK_JOIN -> "fork-join-";
            case THREAD_PER_TASK, GLOBAL_LOCK_PER_TASK -> "task-";
            default -> null;
        };
        if (prefix != null) {
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith(prefix)),
                    "a " + prefix + " thread is alive after close of " + model);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"SEQUENTIAL", "THREAD_PER_TASK", "FIXED_POOL", "FORK_JOIN",
        "VIRTUAL_THREADS", "GLOBAL_LOCK_PER_TASK"})
    void aFailingTaskReachesTheCallerWithItsCauseAndTheRunnerStaysUsable(Model model) {
        IOException boom = new IOException("disk on fire");
        AtomicInteger ran = new AtomicInteger();
        List<Task> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int index = i;
            batch.add(hooks -> {
                ran.incrementAndGet();
                if (index == 6) {
                    throw boom;
                }
                return index;
            });
        }
        try (ModelRunner runner = runner(model)) {
            BatchFailedException failure = assertThrows(BatchFailedException.class, () -> runner.runBatch(batch));
            assertSame(boom, rootOf(failure), "cause chain of " + failure);
            assertTrue(failure.getMessage().contains("task 6 of 10") && failure.getMessage().contains(model.name()),
                    failure.getMessage());
            int ranWhenThrown = ran.get();
            assertEquals(model == Model.SEQUENTIAL ? 7 : 10, ranWhenThrown,
                    "sequential code stops at the failure; concurrent models let the batch finish");
            List<Task> fine = Workload.CPU.batch(5, SMALL, 9, null);
            long expected;
            try (ModelRunner sequential = runner(Model.SEQUENTIAL)) {
                expected = sequential.runBatch(fine);
            }
            assertEquals(expected, runner.runBatch(fine), "usable after a failed batch");
        }
    }

    @Test
    void invalidSettingsAndNamesAreRejectedWithClearMessages() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> RunnerSettings.withParallelism(-1));
        assertTrue(negative.getMessage().contains("parallelism must be >= 0"), negative.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Model.parse("GREEN_THREADS"));
        assertTrue(unknown.getMessage().contains("GREEN_THREADS") && unknown.getMessage().contains("FIXED_POOL"),
                unknown.getMessage());
        assertEquals(Model.FORK_JOIN, Model.parse(" fork_join "));
    }

    @Test
    void parallelismZeroMeansTheCoresTheJvmSees() {
        assertEquals(Runtime.getRuntime().availableProcessors(), RunnerSettings.withParallelism(0).effectiveParallelism());
        assertEquals(5, RunnerSettings.withParallelism(5).effectiveParallelism());
    }

    private static Throwable rootOf(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertInstanceOf(IOException.class, cause);
        return cause;
    }

    /** Tasks that record the thread they ran on, and sleep a little so a pool's threads all get work. */
    private static List<Task> recordingTasks(int n, Set<Thread> seen, long sleepMillis) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            tasks.add(hooks -> {
                seen.add(Thread.currentThread());
                if (sleepMillis > 0) {
                    Thread.sleep(sleepMillis);
                }
                return index;
            });
        }
        return tasks;
    }
}
