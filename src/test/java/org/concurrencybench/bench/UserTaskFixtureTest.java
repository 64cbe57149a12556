package org.concurrencybench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.concurrencybench.api.UserTask;
import org.concurrencybench.model.Model;
import org.concurrencybench.model.ModelRunner;
import org.concurrencybench.model.RunnerSettings;
import org.junit.jupiter.api.Test;

/**
 * What keeps a user's task honest and bounded before and while it is measured: the checksum
 * compared with sequential code's, both values named when they differ, and the per-batch timeout.
 */
class UserTaskFixtureTest {

    private static final Duration LONG = Duration.ofMinutes(1);

    private static void verify(Model model, UserTask task) {
        try (ModelRunner runner = model.newRunner(RunnerSettings.withParallelism(2));
             BatchWatchdog watchdog = new BatchWatchdog(LONG, "test", line -> { })) {
            UserChecksum.verify(model, "t.Task", task, 8, runner::runBatch, watchdog);
        }
    }

    @Test
    void aTaskWhoseChecksumDependsOnItsSeedOnlyPasses() {
        verify(Model.FIXED_POOL, (seed, hooks) -> seed * 17);
        verify(Model.EVENT_LOOP, (seed, hooks) -> seed * 17);
    }

    @Test
    void aChecksumThatDependsOnTheThreadFailsNamingBothValues() {
        Thread caller = Thread.currentThread();
        UserTask threadDependent = (seed, hooks) -> Thread.currentThread() == caller ? seed : seed + 1;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> verify(Model.FIXED_POOL, threadDependent));
        // seeds 0..7: sequential sums 28, the pool's threads add 1 per task: 36
        assertTrue(e.getMessage().contains("SEQUENTIAL gives 28, FIXED_POOL gives 36"), e.getMessage());
    }

    @Test
    void aTaskThatThrowsUnderTheModelIsNamedUnderThatModel() {
        org.concurrencybench.model.BatchFailedException e = assertThrows(
                org.concurrencybench.model.BatchFailedException.class, () -> verify(Model.FIXED_POOL, (seed, hooks) -> {
                    if (seed == 4) {
                        throw new java.io.IOException("record 4 is corrupt");
                    }
                    return seed;
                }));
        assertTrue(e.getMessage().contains("failed under FIXED_POOL: java.io.IOException: record 4 is corrupt"),
                e.getMessage());
    }

    @Test
    void aTaskThatThrowsAtTheCheckNamesItsException() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> verify(Model.SEQUENTIAL,
                (seed, hooks) -> {
                    throw new java.io.IOException("connection refused");
                }));
        assertTrue(e.getMessage().contains("java.io.IOException: connection refused"), e.getMessage());
    }

    @Test
    void aBatchOverTheLimitIsReportedWithTheTaskAndTheLimit() throws Exception {
        AtomicReference<String> line = new AtomicReference<>();
        CountDownLatch fired = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (BatchWatchdog watchdog = new BatchWatchdog(Duration.ofMillis(300), "task t.Hang under FIXED_POOL", l -> {
            line.set(l);
            fired.countDown();
            release.countDown();
        })) {
            watchdog.run(() -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 0;
            });
            assertTrue(fired.await(30, TimeUnit.SECONDS));
        }
        assertEquals(BatchWatchdog.MARKER + "task t.Hang under FIXED_POOL: a batch did not finish within 0.3 s "
                + "(the per-batch timeout, --task-timeout); the fork is stopped", line.get());
    }

    @Test
    void aBatchWithinTheLimitIsLeftAlone() throws Exception {
        AtomicReference<String> line = new AtomicReference<>();
        try (BatchWatchdog watchdog = new BatchWatchdog(Duration.ofMillis(300), "t", line::set)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(i, watchdog.run(() -> 0) + i);
            }
            Thread.sleep(700); // idle between batches: no deadline runs
        }
        assertNull(line.get());
    }
}
