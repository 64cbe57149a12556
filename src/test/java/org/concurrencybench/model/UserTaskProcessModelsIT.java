package org.concurrencybench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.concurrencybench.workload.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A user's task from a jar built here, under the process models: the workers load the jar (and a
 * second jar it depends on) themselves, give sequential code's checksum, fail a batch with the
 * task's own exception, and end even when the task left a thread running.
 */
class UserTaskProcessModelsIT extends UserTaskModelsFixture {

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"PROCESS_POOL", "PROCESS_PER_TASK"})
    void aUserTaskGivesSequentialsChecksum(Model model) throws Exception {
        assertSequentialsChecksum(model);
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"PROCESS_POOL", "PROCESS_PER_TASK"})
    void aTaskThatThrowsFailsTheBatchNamingItsException(Model model) throws Exception {
        assertFailsNamingItsException(model);
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"PROCESS_POOL", "PROCESS_PER_TASK"})
    void workerProcessesLoadTheJarAndTheJarItDependsOn(Model model) throws Exception {
        List<Task> batch = batch("t.UsesLib", 3);
        long expected = 0;
        for (int i = 0; i < 3; i++) {
            expected += Long.rotateLeft((1_000L + i) * 0xBF58476D1CE4E5B9L, 27) ^ 99;
        }
        assertEquals(expected, run(model, batch));
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"PROCESS_POOL", "PROCESS_PER_TASK"})
    void aWorkerWhoseTaskLeftAThreadRunningStillEnds(Model model) throws Exception {
        // A task that starts a server keeps a non-daemon thread: its one-task worker must end anyway.
        List<Task> batch = batch("t.KeepsAThread", 2);
        long sum = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> run(model, batch));
        assertEquals(3 * (1_000L + 1_001L), sum);
    }
}
