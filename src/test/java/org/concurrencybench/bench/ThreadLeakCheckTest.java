package org.concurrencybench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.concurrencybench.api.UserTask;
import org.concurrencybench.model.Model;
import org.concurrencybench.model.ModelRunner;
import org.concurrencybench.model.RunnerSettings;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.user.UserTaskCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A user's task that starts threads it never stops must not be measured without a word. The check counts the threads a task left once its runner is closed, and only those.
 */
class ThreadLeakCheckTest {

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void endTheLeakedThreads() {
        release.countDown();
    }

    /** Runs a batch of {@code task} under {@code model} and closes the runner; the threads left after it. */
    private List<Thread> leftAfter(Model model, UserTask task) throws Exception {
        ThreadLeakCheck check = ThreadLeakCheck.start();
        List<Task> batch = UserTaskCall.batch("t.Task", task, 4, 0);
        try (ModelRunner runner = model.newRunner(RunnerSettings.withParallelism(2))) {
            runner.runBatch(batch);
        }
        return check.leftOver();
    }

    private UserTask leaky() {
        return (seed, hooks) -> {
            Thread.ofPlatform().name("leak-" + seed).start(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return seed;
        };
    }

    @Test
    void aTaskThatStartsAThreadPerCallLeavesThemAndTheLineSaysHowMany() throws Exception {
        List<Thread> left = leftAfter(Model.FIXED_POOL, leaky());
        assertEquals(List.of("leak-0", "leak-1", "leak-2", "leak-3"), left.stream().map(Thread::getName).toList());
        String line = ThreadLeakCheck.warning("task t.Leak under FIXED_POOL", left);
        assertTrue(line.startsWith("concurrencybench: WARNING: task t.Leak under FIXED_POOL left 4 threads running"
                + " after its trial ('leak-0', 'leak-1', 'leak-2', ...)"), line);
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"SEQUENTIAL", "FIXED_POOL", "THREAD_PER_TASK", "VIRTUAL_THREADS",
            "FORK_JOIN", "EVENT_LOOP", "GLOBAL_LOCK", "GLOBAL_LOCK_PER_TASK"})
    void aTaskThatStartsNoThreadLeavesNoneWhateverTheModelsOwnThreads(Model model) throws Exception {
        assertEquals(List.of(), leftAfter(model, (seed, hooks) -> LongStream.range(0, seed + 1).sum()));
    }

    @Test
    void noThreadLeftSaysNothing() {
        assertNull(ThreadLeakCheck.warning("task t.Task under SEQUENTIAL", List.of()));
    }
}
